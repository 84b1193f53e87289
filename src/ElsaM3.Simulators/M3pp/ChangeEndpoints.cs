using ElsaM3.M3pp.Contracts;

namespace ElsaM3.Simulators.M3pp;

/// <summary>The change feed (<c>GET /api/v1/changes</c>) and the officer controls (<c>/_control/…</c>, beside the faults') of §6.10.</summary>
public static class ChangeEndpoints
{
    public const int DefaultLimit = 100;

    public static void MapM3ppChanges(this RouteGroupBuilder api, M3ppSimulator simulator)
    {
        api.MapGet("/changes", (string? after, int? limit, HttpContext http) => simulator.FeedEnabled
            ? M3ppEndpoints.ToResult(http, simulator.Changes(after, limit ?? DefaultLimit))
            : SimulatorErrors.NotFound(http, "FEED_DISABLED", "This HUBis has no change feed."));
    }

    /// <summary>Playing an M3 officer (and switching the feed), with the simulator's key; never failed by injected faults.</summary>
    public static void MapOfficerControls(this RouteGroupBuilder root, M3ppSimulator simulator)
    {
        root.MapPost("/_control/worksheets/change", async (string? reference, HttpContext http) =>
        {
            if (string.IsNullOrWhiteSpace(reference)) return SimulatorErrors.BadRequest(http, "The query parameter 'reference' names the worksheet.");
            var (change, error) = await SimulatorApi.ReadBodyAsync<WorksheetOfficerChange>(http);
            return error ?? M3ppEndpoints.ToResult(http, simulator.ChangeWorksheet(reference, change!));
        });
        root.MapPost("/_control/worksheets/delete", (string? reference, HttpContext http) => string.IsNullOrWhiteSpace(reference)
            ? SimulatorErrors.BadRequest(http, "The query parameter 'reference' names the worksheet.")
            : M3ppEndpoints.ToResult(http, simulator.DeleteWorksheet(reference)));
        root.MapPost("/_control/assets/{assetKey}/change", async (string assetKey, HttpContext http) =>
        {
            var (change, error) = await SimulatorApi.ReadBodyAsync<AssetOfficerChange>(http);
            return error ?? M3ppEndpoints.ToResult(http, simulator.ChangeAsset(assetKey, change!));
        });
        root.MapPost("/_control/feed", async (HttpContext http) =>
        {
            var (settings, error) = await SimulatorApi.ReadBodyAsync<FeedControl>(http);
            if (error is not null) return error;
            if (settings!.Enabled is { } enabled) simulator.FeedEnabled = enabled;
            if (settings.ExpireAll == true) simulator.ExpireFeed();
            return Results.Ok(new { enabled = simulator.FeedEnabled });
        });
    }

    /// <summary><c>enabled: false</c> makes <c>/changes</c> a 404 (forcing polling); <c>expireAll: true</c> expires every cursor given so far.</summary>
    public sealed record FeedControl(bool? Enabled, bool? ExpireAll);
}
