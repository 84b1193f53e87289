using System.Security.Cryptography;
using System.Text.Json;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Simulators.Faults;
using Microsoft.Net.Http.Headers;

namespace ElsaM3.Simulators.M3pp;

/// <summary>The HUBis REST surface (§6.3) over <see cref="M3ppSimulator"/>.</summary>
public static class M3ppEndpoints
{
    public const string ServiceVersion = "2.9.3.6";

    public static RouteGroupBuilder MapM3ppSimulator(this IEndpointRouteBuilder routes, string prefix = "/simulators/m3pp")
    {
        var simulator = routes.ServiceProvider.GetRequiredService<M3ppSimulator>();
        var api = routes.MapSimulatorApi(prefix, routes.ServiceProvider.GetRequiredKeyedService<FaultInjector>(SimulatorNames.M3pp),
            controls: root => root.MapOfficerControls(simulator));

        api.MapGet("/health", (TimeProvider time) => Results.Ok(new { status = "ok", serviceVersion = ServiceVersion, serverTime = time.GetUtcNow(), simulator = true }));
        api.MapGet("/worksheet-fields", (HttpContext http) => Cached(http, new WorksheetFieldList(M3ppSeed.WorksheetFields.Select(f => new WorksheetField(f.Name, f.Label, f.MaxLength)).ToList())));
        api.MapGet("/lookups/departments", (HttpContext http) => Cached(http, Items(M3ppSeed.Departments.Select(d => new { code = d.Code, description = d.Description, active = d.Active }))));
        api.MapGet("/lookups/departments/{dept}/applications", (string dept, HttpContext http) =>
            Cached(http, Items(M3ppSeed.Applications.Where(a => a.Departments.Contains(dept)).Select(a => new { code = a.Code, description = a.Description, active = true }))));
        api.MapGet("/lookups/applications/{app}/task-groups", (string app, HttpContext http) =>
            Cached(http, Items(M3ppSeed.TaskGroups.Where(g => g.Application == app).Select(g => new { code = g.Code, description = g.Description, active = true }))));
        api.MapGet("/lookups/task-groups/{group}/tasks", (string group, HttpContext http) =>
            Cached(http, Items(M3ppSeed.Tasks.Where(t => t.TaskGroup == group).Select(t => new { code = t.Code, description = t.Description, active = t.Active, targetWorkingDays = t.TargetWorkingDays }))));
        api.MapGet("/lookups/asset-types", (HttpContext http) =>
            Cached(http, Items(M3ppSeed.AssetTypes.Select(t => new { code = t.Code, description = t.Description, active = t.Active, allowedSections = t.AllowedSections, locationKinds = t.LocationKinds }))));
        api.MapGet("/lookups/asset-types/{type}/attributes", (string type, HttpContext http) =>
            Cached(http, Items(M3ppSeed.AssetTypes.FirstOrDefault(t => t.Code == type)?.Attributes.Select(a => new
            {
                code = a.Code, description = a.Description, dataType = a.DataType, required = a.Required,
                maxLength = a.MaxLength, min = a.Min, max = a.Max, allowedValues = a.AllowedValues ?? [],
            }) ?? [])));
        api.MapGet("/lookups/sections", (HttpContext http) => Cached(http, Items(M3ppSeed.Sections.Select(s => new { code = s.Code, description = s.Description, active = true }))));
        api.MapGet("/properties/{uprn}", (string uprn, HttpContext http) =>
        {
            var canonical = Uprn.TryParse(uprn, out var parsed, out _) ? parsed.Value.ToString() : uprn;
            return M3ppSeed.Properties.FirstOrDefault(p => p.Uprn == canonical) is { } p
                ? Results.Ok(new { uprn = p.Uprn, singleLineAddress = p.Address, usrn = p.Usrn, areaCode = p.Area, ward = p.Ward })
                : SimulatorErrors.NotFound(http, "PROPERTY_NOT_FOUND", $"UPRN {uprn} is not in the gazetteer.");
        });

        api.MapPost("/worksheets", async (HttpContext http) =>
        {
            var (request, error) = await SimulatorApi.ReadBodyAsync<CreateWorksheetRequest>(http);
            if (error is not null) return error;
            if (IsDryRun(http)) return ToResult(http, simulator.CreateWorksheet(request!, dryRun: true));
            return ToResult(http, simulator.Idempotent(IdempotencyKey(http), Hash(request!), () => simulator.CreateWorksheet(request!)));
        });
        api.MapGet("/worksheets/{id:long}", (long id, HttpContext http) => simulator.FindWorksheet(id) is { } w
            ? Results.Json(w, SimulatorApi.JsonOptions)
            : SimulatorErrors.NotFound(http, "WORKSHEET_NOT_FOUND", $"Worksheet {id} does not exist."));
        api.MapGet("/worksheets", (string? reference, string? externalReference) =>
            Results.Json(new ItemList<Worksheet>(simulator.FindWorksheets(reference, externalReference)), SimulatorApi.JsonOptions));

        api.MapPost("/assets", async (HttpContext http) =>
        {
            var (request, error) = await SimulatorApi.ReadBodyAsync<CreateAssetRequest>(http);
            if (error is not null) return error;
            if (IsDryRun(http)) return ToResult(http, simulator.CreateAsset(request!, dryRun: true));
            return ToResult(http, simulator.Idempotent(IdempotencyKey(http), Hash(request!), () => simulator.CreateAsset(request!)));
        });
        api.MapGet("/assets/{key}", (string key, HttpContext http) => simulator.FindAsset(key) is { } a
            ? Results.Json(a, SimulatorApi.JsonOptions)
            : SimulatorErrors.NotFound(http, "ASSET_NOT_FOUND", $"Asset {key} does not exist."));
        api.MapGet("/assets", (string? uprn, string? assetType) =>
            Results.Json(new ItemList<Asset>(simulator.FindAssets(uprn, assetType)), SimulatorApi.JsonOptions));

        api.MapPost("/asset-attribute-updates", async (HttpContext http) =>
        {
            var (request, error) = await SimulatorApi.ReadBodyAsync<AttributeUpdateRequest>(http);
            if (error is not null) return error;
            return ToResult(http, simulator.UpdateAttributes(request!, IsDryRun(http)));
        });
        api.MapM3ppChanges(simulator);
        return api;
    }

    private static object Items<T>(IEnumerable<T> items) => new { items = items.ToList() };

    /// <summary><c>?dryRun=true</c>: validate as for real and answer 200 with the would-be result; nothing changes.</summary>
    private static bool IsDryRun(HttpContext http) => string.Equals(http.Request.Query["dryRun"], "true", StringComparison.OrdinalIgnoreCase);

    private static string? IdempotencyKey(HttpContext http) => http.Request.Headers["Idempotency-Key"].FirstOrDefault();

    private static string Hash<T>(T request) => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, SimulatorApi.JsonOptions)));

    internal static IResult ToResult(HttpContext http, SimAnswer answer)
    {
        if (answer.Replayed) http.Response.Headers["Idempotent-Replay"] = "true";
        if (answer.Errors is not null)
            return SimulatorErrors.Error(http, answer.Status, answer.ErrorCategory!,
                answer.Status switch { 409 => "Conflict", 404 => "Not found", 410 => "Gone", _ => "Validation failed" },
                answer.Errors, answer.ExistingReference, answer.Missing);
        if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
        if (answer.Body is null) return Results.StatusCode(answer.Status);
        return Results.Json(answer.Body, SimulatorApi.JsonOptions, statusCode: answer.Status);
    }

    /// <summary>Lookups carry an ETag and answer 304 to a matching <c>If-None-Match</c>.</summary>
    private static IResult Cached(HttpContext http, object body)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, SimulatorApi.JsonOptions);
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers[HeaderNames.IfNoneMatch].Contains(etag)) return Results.StatusCode(304);
        return Results.Bytes(bytes, "application/json");
    }
}

public static class SimulatorNames
{
    public const string M3pp = "m3pp";
    public const string Cxm = "cxm";
}
