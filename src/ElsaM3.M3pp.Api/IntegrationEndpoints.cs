using ElsaM3.Audit;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.Runtime.IntegrationLog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.M3pp.Api;

/// <summary>
/// The integration's admin API: <c>/api/settings/m3pp</c> (the brief's General tab) and <c>/api/integration-log</c>.
/// The caller maps them on an admin-only group.
/// </summary>
public static class IntegrationEndpoints
{
    public static void MapIntegrationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/settings/m3pp", async (M3ppSettingsService settings, CancellationToken ct) => TypedResults.Ok(SettingsView.From(await settings.GetAsync(ct))));
        api.MapPut("/settings/m3pp", async (SettingsUpdate update, HttpContext http, AuditRecorder audit, M3ppSettingsService settings, CancellationToken ct) =>
        {
            var current = await settings.GetAsync(ct);
            if (update.Validate(current) is { } invalid) return Results.Problem(title: "Invalid settings", detail: invalid, statusCode: 400);
            var updated = update.ApplyTo(current);
            if (await settings.SaveAsync(updated, ct) is { } failure)
                return Results.Problem(title: "The settings were not saved: the connection to M3PP/Assure failed", detail: failure, statusCode: 422);
            await audit.RecordAsync(http, AuditAction.SettingsChanged, "m3pp", update.ChangedFields(current));
            return Results.Ok(SettingsView.From(await settings.GetAsync(ct)));
        });

        api.MapGet("/integration-log", async (string? caseReference, string? outcome, string? direction, string? operation, string? workflowInstanceId,
            DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IIntegrationLog log, CancellationToken ct) =>
        {
            if (!TryParseFilter<IntegrationOutcome>(outcome, out var parsedOutcome))
                return Results.Problem(title: "Invalid filter", detail: $"outcome must be one of {string.Join(", ", Enum.GetNames<IntegrationOutcome>())}.", statusCode: 400);
            if (!TryParseFilter<IntegrationDirection>(direction, out var parsedDirection))
                return Results.Problem(title: "Invalid filter", detail: $"direction must be one of {string.Join(", ", Enum.GetNames<IntegrationDirection>())}.", statusCode: 400);
            if (page is < 0 || pageSize is < 1 or > 500)
                return Results.Problem(title: "Invalid paging", detail: "page must be 0 or more and pageSize between 1 and 500.", statusCode: 400);
            var result = await log.QueryAsync(new IntegrationLogQuery
            {
                CaseReference = caseReference, Outcome = parsedOutcome, Direction = parsedDirection, Operation = operation, WorkflowInstanceId = workflowInstanceId,
                From = from, To = to, Page = page ?? 0, PageSize = pageSize ?? 50,
            }, ct);
            return Results.Ok(new { items = result.Items, totalCount = result.TotalCount, page = page ?? 0, pageSize = pageSize ?? 50 });
        });
    }

    /// <summary>
    /// An optional enum value: absent is <c>null</c>; false when present but not exactly one of the names (digits and
    /// combinations such as <c>Feed,Poll</c>, which .NET would read as flags, are refused).
    /// </summary>
    private static bool TryParseFilter<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (text is null) return true;
        if (text.Any(c => char.IsDigit(c) || c == ',') || !Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>The settings as shown: API keys only say whether they are set.</summary>
    public sealed record SettingsView(bool Enabled, string ExternalReferenceField, string? HubisBaseUrl, bool HubisApiKeySet,
        string? CxmBaseUrl, bool CxmApiKeySet, double TimeoutSeconds, string ChangeStrategy, double PollIntervalSeconds)
    {
        public static SettingsView From(M3ppSettings s) => new(s.Enabled, s.ExternalReferenceField, s.HubisBaseUrl, !string.IsNullOrEmpty(s.HubisApiKey),
            s.CxmBaseUrl, !string.IsNullOrEmpty(s.CxmApiKey), s.Timeout.TotalSeconds, s.ChangeStrategy.ToString(), s.PollInterval.TotalSeconds);
    }

    /// <summary>A PUT body; omitted values keep their current setting, a blank API key keeps the stored key.</summary>
    public sealed record SettingsUpdate(bool? Enabled, string? ExternalReferenceField, string? HubisBaseUrl, string? HubisApiKey,
        string? CxmBaseUrl, string? CxmApiKey, double? TimeoutSeconds, string? ChangeStrategy = null, double? PollIntervalSeconds = null)
    {
        /// <summary>What is wrong with this update to <paramref name="current"/>; a changed URL needs its key again, so a stored key never goes to a new host.</summary>
        public string? Validate(M3ppSettings current) =>
            ExternalReferenceField is { } f && string.IsNullOrWhiteSpace(f) ? "externalReferenceField must not be empty."
            : TimeoutSeconds is { } seconds && !(seconds > 0 && seconds <= 600) ? "timeoutSeconds must be between 1 and 600."
            : ChangeStrategy is { } strategy && !TryParseFilter<ChangeStrategy>(strategy, out _) ? $"changeStrategy must be one of {string.Join(", ", Enum.GetNames<ChangeStrategy>())}."
            : PollIntervalSeconds is { } poll && !(poll >= M3ppSettings.MinPollInterval.TotalSeconds && poll <= M3ppSettings.MaxPollInterval.TotalSeconds)
                ? $"pollIntervalSeconds must be between {M3ppSettings.MinPollInterval.TotalSeconds} and {M3ppSettings.MaxPollInterval.TotalSeconds}."
            : HubisApiKey is { Length: > 0 and (< 32 or > 255) } ? "hubisApiKey must be 32-255 characters."
            : HubisBaseUrl is { } hubis && hubis != current.HubisBaseUrl && string.IsNullOrEmpty(HubisApiKey) ? "hubisApiKey is required when hubisBaseUrl changes: the stored key is only sent to the URL it was saved with."
            : CxmBaseUrl is { } cxm && cxm != current.CxmBaseUrl && string.IsNullOrEmpty(CxmApiKey) ? "cxmApiKey is required when cxmBaseUrl changes: the stored key is only sent to the URL it was saved with."
            : null;

        /// <summary>The names of the settings this update changes (for the audit trail: never a key's value).</summary>
        public string ChangedFields(M3ppSettings current)
        {
            var changed = new List<string>();
            if (Enabled is { } enabled && enabled != current.Enabled) changed.Add($"enabled={enabled}");
            if (ExternalReferenceField is { } field && field.Trim() != current.ExternalReferenceField) changed.Add("externalReferenceField");
            if (HubisBaseUrl is { } hubis && hubis != current.HubisBaseUrl) changed.Add("hubisBaseUrl");
            if (!string.IsNullOrEmpty(HubisApiKey)) changed.Add("hubisApiKey");
            if (CxmBaseUrl is { } cxm && cxm != current.CxmBaseUrl) changed.Add("cxmBaseUrl");
            if (!string.IsNullOrEmpty(CxmApiKey)) changed.Add("cxmApiKey");
            if (TimeoutSeconds is { } seconds && TimeSpan.FromSeconds(seconds) != current.Timeout) changed.Add("timeoutSeconds");
            if (ChangeStrategy is not null && Strategy(current) != current.ChangeStrategy) changed.Add("changeStrategy");
            if (PollIntervalSeconds is { } poll && TimeSpan.FromSeconds(poll) != current.PollInterval) changed.Add("pollIntervalSeconds");
            return changed.Count == 0 ? "nothing changed" : "changed: " + string.Join(", ", changed);
        }

        public M3ppSettings ApplyTo(M3ppSettings current) => current with
        {
            Enabled = Enabled ?? current.Enabled,
            ExternalReferenceField = ExternalReferenceField?.Trim() ?? current.ExternalReferenceField,
            HubisBaseUrl = HubisBaseUrl ?? current.HubisBaseUrl,
            HubisApiKey = HubisApiKey,
            CxmBaseUrl = CxmBaseUrl ?? current.CxmBaseUrl,
            CxmApiKey = CxmApiKey,
            Timeout = TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : current.Timeout,
            ChangeStrategy = Strategy(current),
            PollInterval = PollIntervalSeconds is { } poll ? TimeSpan.FromSeconds(poll) : current.PollInterval,
        };

        private ChangeStrategy Strategy(M3ppSettings current) => TryParseFilter<ChangeStrategy>(ChangeStrategy, out var parsed) && parsed is { } s ? s : current.ChangeStrategy;
    }
}
