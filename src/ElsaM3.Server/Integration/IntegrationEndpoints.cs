using ElsaM3.Identity;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.Runtime.IntegrationLog;

namespace ElsaM3.Server.Integration;

/// <summary>
/// The integration's admin API: <c>/api/settings/m3pp</c> (the brief's General tab) and <c>/api/integration-log</c>.
/// Admin only.
/// </summary>
public static class IntegrationEndpoints
{
    public static void MapIntegrationApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").RequireAuthorization(Roles.AdminPolicy);

        api.MapGet("/settings/m3pp", async (M3ppSettingsService settings, CancellationToken ct) => TypedResults.Ok(SettingsView.From(await settings.GetAsync(ct))));
        api.MapPut("/settings/m3pp", async (SettingsUpdate update, M3ppSettingsService settings, CancellationToken ct) =>
        {
            if (update.Validate() is { } invalid) return Results.Problem(title: "Invalid settings", detail: invalid, statusCode: 400);
            var current = await settings.GetAsync(ct);
            if (await settings.SaveAsync(update.ApplyTo(current), ct) is { } failure)
                return Results.Problem(title: "The settings were not saved: the connection to M3PP/Assure failed", detail: failure, statusCode: 422);
            return Results.Ok(SettingsView.From(await settings.GetAsync(ct)));
        });

        api.MapGet("/integration-log", async (string? caseReference, string? outcome, string? operation, string? workflowInstanceId,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IIntegrationLog log, CancellationToken ct) =>
        {
            IntegrationOutcome? parsedOutcome = null;
            if (outcome is not null)
            {
                if (!Enum.TryParse<IntegrationOutcome>(outcome, ignoreCase: true, out var o))
                    return Results.Problem(title: "Invalid filter", detail: $"outcome must be one of {string.Join(", ", Enum.GetNames<IntegrationOutcome>())}.", statusCode: 400);
                parsedOutcome = o;
            }
            if (page is < 0 || pageSize is < 1 or > 500)
                return Results.Problem(title: "Invalid paging", detail: "page must be 0 or more and pageSize between 1 and 500.", statusCode: 400);
            var result = await log.QueryAsync(new IntegrationLogQuery
            {
                CaseReference = caseReference, Outcome = parsedOutcome, Operation = operation, WorkflowInstanceId = workflowInstanceId,
                From = from, To = to, Page = page ?? 0, PageSize = pageSize ?? 50,
            }, ct);
            return Results.Ok(new { items = result.Items, totalCount = result.TotalCount, page = page ?? 0, pageSize = pageSize ?? 50 });
        });
    }

    /// <summary>The settings as shown: API keys only say whether they are set.</summary>
    public sealed record SettingsView(bool Enabled, string ExternalReferenceField, string? HubisBaseUrl, bool HubisApiKeySet,
        string? CxmBaseUrl, bool CxmApiKeySet, double TimeoutSeconds)
    {
        public static SettingsView From(M3ppSettings s) => new(s.Enabled, s.ExternalReferenceField, s.HubisBaseUrl, !string.IsNullOrEmpty(s.HubisApiKey),
            s.CxmBaseUrl, !string.IsNullOrEmpty(s.CxmApiKey), s.Timeout.TotalSeconds);
    }

    /// <summary>A PUT body; omitted values keep their current setting, a blank API key keeps the stored key.</summary>
    public sealed record SettingsUpdate(bool? Enabled, string? ExternalReferenceField, string? HubisBaseUrl, string? HubisApiKey,
        string? CxmBaseUrl, string? CxmApiKey, double? TimeoutSeconds)
    {
        public string? Validate() =>
            ExternalReferenceField is { } f && string.IsNullOrWhiteSpace(f) ? "externalReferenceField must not be empty."
            : TimeoutSeconds is <= 0 or > 600 ? "timeoutSeconds must be between 1 and 600."
            : HubisApiKey is { Length: > 0 and (< 32 or > 255) } ? "hubisApiKey must be 32-255 characters."
            : null;

        public M3ppSettings ApplyTo(M3ppSettings current) => current with
        {
            Enabled = Enabled ?? current.Enabled,
            ExternalReferenceField = ExternalReferenceField?.Trim() ?? current.ExternalReferenceField,
            HubisBaseUrl = HubisBaseUrl ?? current.HubisBaseUrl,
            HubisApiKey = HubisApiKey,
            CxmBaseUrl = CxmBaseUrl ?? current.CxmBaseUrl,
            CxmApiKey = CxmApiKey,
            Timeout = TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : current.Timeout,
        };
    }
}
