using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Contracts;

namespace ElsaM3.Simulators.M3pp;

/// <summary>
/// The change feed and the officer controls of §6.10: every worksheet and asset change enters the feed in commit order
/// (journalled, so it survives a restart); the controls play an M3 officer. The feed keeps 30 days; an older cursor is
/// <c>410 CURSOR_EXPIRED</c>.
/// </summary>
public sealed partial class M3ppSimulator
{
    public static readonly TimeSpan FeedRetention = TimeSpan.FromDays(30);
    public static readonly IReadOnlySet<string> WorksheetStatuses = new HashSet<string>(StringComparer.Ordinal) { "OPEN", "ALLOCATED", "IN_PROGRESS", "CLOSED" };
    public static readonly IReadOnlySet<string> ClosureReasons = new HashSet<string>(StringComparer.Ordinal) { "ABATED", "NO_FURTHER_ACTION", "FORMAL_ACTION", "DUPLICATE", "OTHER" };
    public const int MaxClosureNoteLength = 2000;
    public const int MaxChangesPerPage = 500;

    private readonly List<ChangeItem> _changes = [];
    private long _lastCursor;
    private long _expiredThrough;

    /// <summary>Whether <c>GET /changes</c> answers (a test turns it off to force the polling strategy).</summary>
    public bool FeedEnabled { get; set; } = true;

    private static string Cursor(long number) => number.ToString("D15", CultureInfo.InvariantCulture);

    /// <summary>Appends a change to the feed and the journal. Call under the gate.</summary>
    private void AddChange(string kind, string reference, string change, Dictionary<string, FieldChange>? fields, object? current)
    {
        var item = new ChangeItem(Cursor(++_lastCursor), kind, reference, _time.GetUtcNow().ToString("O"), change, fields,
            current is null ? null : JsonSerializer.SerializeToNode(current, SimulatorApi.JsonOptions));
        _changes.Add(item);
        _journal.Append(new JsonObject { ["change"] = JsonSerializer.SerializeToNode(item, SimulatorApi.JsonOptions) });
    }

    private void ReplayChange(JsonNode change)
    {
        var item = change.Deserialize<ChangeItem>(SimulatorApi.JsonOptions)!;
        _changes.Add(item);
        _lastCursor = Math.Max(_lastCursor, long.Parse(item.Cursor, CultureInfo.InvariantCulture));
    }

    /// <summary>The changes after <paramref name="after"/> (from the oldest kept when <c>null</c>), at most <paramref name="limit"/>.</summary>
    public SimAnswer Changes(string? after, int limit)
    {
        var v = new M3ppValidation();
        long afterNumber = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterNumber) || after.Length > 30))
            v.Add("INVALID_FORMAT", "after", "The cursor is not one this feed gave.");
        if (limit is < 1 or > MaxChangesPerPage) v.Add("INVALID_VALUE", "limit", $"The limit is 1 to {MaxChangesPerPage}.");
        if (!v.IsValid) return SimAnswer.Invalid(v.Errors);
        lock (_gate)
        {
            DropExpired();
            if (after is not null && afterNumber < _expiredThrough)
                return new SimAnswer(410, null) { Errors = [new ErrorItem("CURSOR_EXPIRED", "after", $"Cursor {after} is older than the {FeedRetention.TotalDays:0} days the feed keeps.")], ErrorCategory = "gone" };
            var first = FirstAfter(afterNumber);
            var items = _changes.GetRange(first, Math.Min(limit, _changes.Count - first));
            var next = items.Count > 0 ? items[^1].Cursor : after ?? Cursor(_lastCursor);
            return new SimAnswer(200, new ChangePage(items, next));
        }
    }

    /// <summary>The index of the first change after cursor number <paramref name="after"/>: the feed is in cursor order, so a reader far behind costs no more than one at the end.</summary>
    private int FirstAfter(long after)
    {
        int low = 0, high = _changes.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (long.Parse(_changes[middle].Cursor, CultureInfo.InvariantCulture) > after) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    private void DropExpired()
    {
        var cutoff = _time.GetUtcNow() - FeedRetention;
        while (_changes.Count > 0 && DateTimeOffset.Parse(_changes[0].ChangedAt, CultureInfo.InvariantCulture) < cutoff)
        {
            _expiredThrough = long.Parse(_changes[0].Cursor, CultureInfo.InvariantCulture);
            _changes.RemoveAt(0);
        }
    }

    /// <summary>Forgets every change so far (as 30 days would): any cursor given before is then expired.</summary>
    public void ExpireFeed()
    {
        lock (_gate)
        {
            _expiredThrough = _lastCursor;
            _changes.Clear();
        }
    }

    /// <summary>An M3 officer changes a worksheet: status, allocation, target date, closure, or an action taken.</summary>
    public SimAnswer ChangeWorksheet(string reference, WorksheetOfficerChange request)
    {
        lock (_gate)
        {
            if (!_worksheetByReference.TryGetValue(reference.Trim(), out var id))
                return new SimAnswer(404, null) { Errors = [new ErrorItem("WORKSHEET_NOT_FOUND", "reference", $"Worksheet {reference} does not exist.")], ErrorCategory = "not_found" };
            var before = _worksheets[id];
            var v = new M3ppValidation();
            if (request.Status is { } status && !WorksheetStatuses.Contains(status))
                v.Add("INVALID_VALUE", "status", $"Status '{status}' is not one of {string.Join(", ", WorksheetStatuses)}.");
            var officer = request.Officer is { } code ? M3ppSeed.Officers.FirstOrDefault(o => o.Code == code) : null;
            if (request.Officer is not null && officer is null) v.Add("UNKNOWN_OFFICER", "officer", $"Officer '{request.Officer}' does not exist.");
            if (request.TargetDate is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                v.Add("INVALID_FORMAT", "targetDate", $"Target date '{date}' is not a yyyy-MM-dd date.");
            if (request.ClosureReason is { } reason && !ClosureReasons.Contains(reason))
                v.Add("INVALID_VALUE", "closureReason", $"Closure reason '{reason}' is not one of {string.Join(", ", ClosureReasons)}.");
            v.MaxLength(request.ClosureNote, MaxClosureNoteLength, "closureNote", "Closure note");
            if (request.Action is { } action && string.IsNullOrWhiteSpace(action.Code)) v.Add("REQUIRED", "action.code", "An action needs a code.");
            if (!v.IsValid) return SimAnswer.Invalid(v.Errors);

            var now = _time.GetUtcNow().ToString("O");
            var after = before with
            {
                Status = request.Status ?? before.Status,
                Officer = officer is null ? before.Officer : new CodeName(officer.Code, officer.Name),
                TargetDate = request.TargetDate ?? before.TargetDate,
                ClosureReason = request.ClosureReason ?? before.ClosureReason,
                ClosureNote = request.ClosureNote ?? before.ClosureNote,
                ClosedDateTime = request.Status == "CLOSED" && before.Status != "CLOSED" ? now : request.Status is null or "CLOSED" ? before.ClosedDateTime : null,
                Actions = request.Action is { } taken
                    ? [.. before.Actions ?? [], new WorksheetAction(taken.Code!, taken.Description, (officer ?? null)?.Code ?? before.Officer?.Code, now)]
                    : before.Actions,
            };
            var fields = Differences(before, after);
            if (fields.Count == 0) return new SimAnswer(200, after);
            Store(after);
            AddChange("worksheet", after.Reference, "updated", fields, after);
            return new SimAnswer(200, after);
        }
    }

    /// <summary>Bulk Worksheet Deletion (§3.3) of one worksheet: it is gone, and the feed says so.</summary>
    public SimAnswer DeleteWorksheet(string reference)
    {
        lock (_gate)
        {
            if (!_worksheetByReference.TryGetValue(reference.Trim(), out var id))
                return new SimAnswer(404, null) { Errors = [new ErrorItem("WORKSHEET_NOT_FOUND", "reference", $"Worksheet {reference} does not exist.")], ErrorCategory = "not_found" };
            var worksheet = _worksheets[id];
            Forget(worksheet);
            _journal.Append(new JsonObject { ["deletedWorksheet"] = worksheet.WorksheetId });
            AddChange("worksheet", worksheet.Reference, "deleted", null, null);
            return new SimAnswer(204, null);
        }
    }

    private void Forget(Worksheet worksheet)
    {
        _worksheets.Remove(worksheet.WorksheetId);
        _worksheetByReference.Remove(worksheet.Reference);
        if (worksheet.ExternalReference?.Value?.Trim() is { } external && _worksheetsByExternalReference.TryGetValue(external, out var ids))
            ids.Remove(worksheet.WorksheetId);
    }

    private void ReplayDeletion(JsonNode id)
    {
        if (_worksheets.TryGetValue(id.GetValue<long>(), out var worksheet)) Forget(worksheet);
    }

    /// <summary>An M3 officer changes an asset's attributes (checked against its type as any update is).</summary>
    public SimAnswer ChangeAsset(string assetKey, AssetOfficerChange request)
    {
        lock (_gate)
        {
            if (!_assets.TryGetValue(assetKey.Trim(), out var before))
                return new SimAnswer(404, null) { Errors = [new ErrorItem("ASSET_NOT_FOUND", "assetKey", $"Asset {assetKey} does not exist.")], ErrorCategory = "not_found" };
            var v = new M3ppValidation();
            if (request.Attributes is not { Count: > 0 }) v.Add("REQUIRED", "attributes", "At least one attribute is required.");
            else ValidateAttributes(request.Attributes, M3ppSeed.AssetTypes.First(t => t.Code == before.AssetType), v, requireMandatory: false, "attributes");
            if (!v.IsValid) return SimAnswer.Invalid(v.Errors);
            var attributes = before.Attributes.ToList();
            var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
            foreach (var change in request.Attributes!)
            {
                var code = change.Code!.Trim();
                var old = attributes.FirstOrDefault(a => a.Code == code)?.Value;
                attributes.RemoveAll(a => a.Code == code);
                attributes.Add(new AttributeValue(code, change.Value?.Trim()));
                if (old != change.Value?.Trim()) fields[code] = new FieldChange(old, change.Value?.Trim());
            }
            var after = before with { Attributes = attributes };
            if (fields.Count == 0) return new SimAnswer(200, after);
            Store(after);
            AddChange("asset", after.AssetKey, "updated", fields, after);
            return new SimAnswer(200, after);
        }
    }

    /// <summary>The properties of a worksheet that differ, as JSON values (the officer as its code).</summary>
    private static Dictionary<string, FieldChange> Differences(Worksheet before, Worksheet after)
    {
        var fields = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        void Compare(string name, object? from, object? to)
        {
            var a = JsonSerializer.SerializeToNode(from, SimulatorApi.JsonOptions);
            var b = JsonSerializer.SerializeToNode(to, SimulatorApi.JsonOptions);
            if (!JsonNode.DeepEquals(a, b)) fields[name] = new FieldChange(a, b);
        }
        Compare("status", before.Status, after.Status);
        Compare("officer", before.Officer?.Code, after.Officer?.Code);
        Compare("targetDate", before.TargetDate, after.TargetDate);
        Compare("closureReason", before.ClosureReason, after.ClosureReason);
        Compare("closureNote", before.ClosureNote, after.ClosureNote);
        Compare("closedDateTime", before.ClosedDateTime, after.ClosedDateTime);
        Compare("actions", before.Actions?.Count ?? 0, after.Actions?.Count ?? 0);
        return fields;
    }
}
