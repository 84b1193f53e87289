using System.Globalization;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Bookmarks;
using ElsaM3.Workflows.Expressions;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>
/// Waits, durably, until the worksheet or asset stored in a case Reference changes in M3 and a condition holds.
/// It suspends on a bookmark found by the record (so a change reaches exactly its watchers) and, in the same commit, on a
/// timer due at once: that first resume reads the record as it is now, so a worksheet closed before the watch began is
/// seen at once and no change between the two is missed. Every change after that comes from the change feed or a poll.
/// A change the instance has already had (the feed read again after a crash) or a state the watch has already seen is
/// passed over. Outcomes: <c>Changed</c>, <c>Deleted</c>, <c>TimedOut</c>, and <c>Invalid</c> when it cannot start.
/// </summary>
[Outcomes(ChangedOutcome, DeletedOutcome, TimedOutOutcome, InvalidOutcome)]
public abstract class WatchActivity<TKey>(M3ppServices services) : Activity<WatchInput, WatchOutput>
    where TKey : struct, IPatternIdentifier<TKey>
{
    public const string ChangedOutcome = "Changed";
    public const string DeletedOutcome = "Deleted";
    public const string TimedOutOutcome = "TimedOut";
    public const string InvalidOutcome = M3Outcomes.Invalid;
    public const string ReadBookmarkName = WatchedRecord.BookmarkName + ".Read";
    public const string TimeoutBookmarkName = WatchedRecord.BookmarkName + ".Timeout";

    private const string SeenKey = "seen";
    private const string RecordKey = "record";
    private const string ReadsKey = "reads";

    protected M3ppServices Services { get; } = services;

    protected abstract RecordKind Kind { get; }

    private string RecordName => Kind.Name();

    private string Operation => Kind == RecordKind.Worksheet ? "WorksheetChanged" : "AssetChanged";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, WatchInput input, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Execute(context, input));

    private ActivityResult Execute(ActivityContext context, WatchInput input)
    {
        var scope = new IntegrationScope(context);
        var watched = Check(scope, input);
        if (scope.Problems.Count > 0) return Invalid(scope);
        if (context.IsDryRun)
        {
            context.RecordEvaluatedInput("Validation", $"valid: would watch {watched} (dry run)");
            return Outcome(ChangedOutcome, new WatchOutput { Reference = watched!.Value.Reference });
        }
        List<BookmarkRequest> bookmarks = [watched!.Value.Bookmark(seen: null), new BookmarkRequest(ReadBookmarkName) { ResumeAt = context.Now }];
        if (input.Timeout is { } timeout && timeout > TimeSpan.Zero)
            bookmarks.Add(new BookmarkRequest(TimeoutBookmarkName) { ResumeAt = context.Now + timeout });
        context.Journal("Watching", $"Watching {watched} for changes in M3.");
        return new ActivityResult.Suspended(bookmarks);
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityContext context, WatchInput input, CancellationToken cancellationToken)
    {
        var scope = new IntegrationScope(context);
        if (Check(scope, input) is not { } watched) return Invalid(scope);
        switch (context.ResumedBookmark?.Name)
        {
            case TimeoutBookmarkName:
                context.Journal("TimedOut", $"No change to {watched} met the condition in time.");
                return Outcome(TimedOutOutcome, Output(context, watched, SeenRecord(context), null));
            case ReadBookmarkName:
                return await ReadCurrentAsync(scope, input, watched, cancellationToken);
            default:
                return context.Stimulus is RecordChange change && change.Record == watched
                    ? await ApplyAsync(scope, input, watched, change, cancellationToken)
                    : KeepWatching(context, watched);
        }
    }

    /// <summary>The watch's first look: the record as it is now. A failed read is tried again on the retry schedule; the watch goes on meanwhile.</summary>
    private async Task<ActivityResult> ReadCurrentAsync(IntegrationScope scope, WatchInput input, WatchedRecord watched, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        var (record, error) = await Services.M3.ReadAsync(watched, cancellationToken);
        if (error is null) return await ApplyAsync(scope, input, watched, new RecordChange(watched, RecordChangeKind.Current, record, context.Now), cancellationToken);
        if (error.Category == M3ErrorCategory.NotFound)
            return await ApplyAsync(scope, input, watched, new RecordChange(watched, RecordChangeKind.Deleted, null, context.Now), cancellationToken);
        var reads = Convert.ToInt32(context.Properties.ValueOf(ReadsKey) ?? 0, CultureInfo.InvariantCulture) + 1;
        context.Properties[ReadsKey] = reads;
        context.Journal("ReadFailed", $"Reading {watched} failed ({error.Category.Name()}): {error.Message}");
        if (!error.IsRetryable || reads >= Services.Retry.MaxAttempts) return KeepWatching(context, watched);
        return new ActivityResult.Suspended([new BookmarkRequest(ReadBookmarkName) { ResumeAt = context.Now + Services.Retry.DelayBefore(reads, error.RetryAfter) }]);
    }

    private async Task<ActivityResult> ApplyAsync(IntegrationScope scope, WatchInput input, WatchedRecord watched, RecordChange change, CancellationToken cancellationToken)
    {
        var context = scope.Context;
        if (change.Cursor is { } cursor)
        {
            if (AppliedCursor(context) is { } applied && !cursor.IsAfter(applied)) return KeepWatching(context, watched);
            context.WorkflowProperties[WatchProperties.AppliedCursor] = cursor.Value;
        }
        var before = SeenRecord(context);
        var fingerprint = RecordSnapshot.Fingerprint(change.Current);
        if (change.Kind != RecordChangeKind.Current && fingerprint == context.Properties.ValueOf(SeenKey) as string)
            return KeepWatching(context, watched);
        var fields = change.Fields.Count > 0 || before is null ? change.Fields : RecordSnapshot.Differences(before, change.Current);
        var changeModel = change.ToModel(fields);

        if (change.Kind == RecordChangeKind.Deleted)
        {
            Log(scope, watched, IntegrationOutcome.Success, change, fields, $"deleted in M3: {DeletedOutcome}");
            return Carry(context, DeletedOutcome, Output(context, watched, before, changeModel));
        }
        context.Properties[SeenKey] = fingerprint;
        context.Properties[RecordKey] = change.Current!.ToJsonString();
        var met = await ConditionHoldsAsync(scope, input, change.Current, changeModel, cancellationToken);
        if (met is null) return Invalid(scope);
        // The first read only sets the baseline when any change will do; with a condition it may already hold.
        var carryOn = met.Value && (change.Kind != RecordChangeKind.Current || HasCondition(input));
        if (!carryOn)
        {
            if (change.Kind != RecordChangeKind.Current) Log(scope, watched, IntegrationOutcome.Skipped, change, fields, "condition not met: still watching");
            return KeepWatching(context, watched);
        }
        Log(scope, watched, IntegrationOutcome.Success, change, fields, change.Kind == RecordChangeKind.Current ? $"condition already met when the watch began: {ChangedOutcome}" : $"condition met: {ChangedOutcome}");
        return Carry(context, ChangedOutcome, Output(context, watched, change.Current, changeModel));
    }

    /// <summary>Whether the condition holds (always, when there is none); <c>null</c> with the problem recorded when it cannot be evaluated.</summary>
    private async ValueTask<bool?> ConditionHoldsAsync(IntegrationScope scope, WatchInput input, JsonObject? record, object? change, CancellationToken cancellationToken)
    {
        if (!HasCondition(input)) return true;
        var expression = input.Condition!.Expression;
        // "worksheet.status == "CLOSED"" typed without braces is meant as a Scriban expression.
        if (expression.Type is "Scriban" or "Liquid" && expression.Text?.Contains("{{", StringComparison.Ordinal) == false)
            expression = expression with { Value = JsonValue.Create($"{{{{ {expression.Text} }}}}") };
        using var shown = ExpressionGlobals.Show(scope.Context.Memory, new Dictionary<string, object?> { [RecordName] = WorkflowJson.ToPlain(record), ["change"] = change });
        try
        {
            var value = await scope.Context.EvaluateAsync(expression, typeof(bool), "Condition", cancellationToken);
            return value is true;
        }
        catch (ExpressionException e)
        {
            var position = e.Line is { } line ? $" at line {line}, column {e.Column ?? 0}" : "";
            scope.Problem($"condition{position}: {(e.InnerException as ExpressionException ?? e).Message}");
            return null;
        }
    }

    private static bool HasCondition(WatchInput input) => input.Condition is { IsEmpty: false };

    /// <summary>The watched record from the case Reference, or the problems that stop the watch.</summary>
    private WatchedRecord? Check(IntegrationScope scope, WatchInput input)
    {
        var value = scope.ReferencedValue<TKey>(input.Reference, "watch", $"there is no {RecordName} to watch");
        return value is null ? null : new WatchedRecord(Kind, PatternIdentifier.Parse<TKey>(value).ToString()!);
    }

    private ActivityResult Invalid(IntegrationScope scope)
    {
        var reasons = scope.Problems.ToList();
        scope.Context.Journal("Invalid", string.Join(" ", reasons));
        if (!scope.Context.IsOutcomeConnected(InvalidOutcome))
            throw new M3IntegrationFailedException($"Invalid (validation): {string.Join(" ", reasons)}");
        return Outcome(InvalidOutcome, new WatchOutput { Errors = reasons });
    }

    /// <summary>Suspends again on the watch's bookmark, which now carries what it has seen.</summary>
    private static ActivityResult KeepWatching(ActivityContext context, WatchedRecord watched) =>
        ActivityResult.Suspend(watched.Bookmark(context.Properties.ValueOf(SeenKey) as string));

    private ActivityResult Carry(ActivityContext context, string outcome, WatchOutput output)
    {
        M3Metrics.ChangesApplied.Add(1, new KeyValuePair<string, object?>("kind", RecordName), new KeyValuePair<string, object?>("outcome", outcome));
        context.WorkflowProperties[WatchProperties.LastWatched] = new Dictionary<string, object?> { [RecordName] = output.Record, ["change"] = output.Change };
        return Outcome(outcome, output);
    }

    private static WatchOutput Output(ActivityContext context, WatchedRecord watched, JsonObject? record, object? change) =>
        new() { Reference = watched.Reference, Record = WorkflowJson.ToPlain(record), Change = change };

    private static JsonObject? SeenRecord(ActivityContext context) =>
        context.Properties.ValueOf(RecordKey) is string json ? JsonNode.Parse(json) as JsonObject : null;

    private static ChangeCursor? AppliedCursor(ActivityContext context) =>
        ChangeCursor.TryParse(context.WorkflowProperties.ValueOf(WatchProperties.AppliedCursor) as string, out var cursor) ? cursor : null;

    private void Log(IntegrationScope scope, WatchedRecord watched, IntegrationOutcome outcome, RecordChange change, IReadOnlyDictionary<string, FieldChange> fields, string result)
    {
        List<string> messages = [$"{change.Kind.ToString().ToLowerInvariant()}{(fields.Count > 0 ? ": " + string.Join(", ", fields.Select(f => $"{f.Key} {Show(f.Value.From)} → {Show(f.Value.To)}")) : "")}", result];
        scope.Context.AddToCommit(scope.LogEntry(Services.Time, Operation, outcome) with
        {
            Direction = IntegrationDirection.In,
            ExternalReference = watched.Reference,
            Messages = messages,
            CorrelationId = change.Cursor?.Value ?? scope.Context.CorrelationId,
        });
    }

    /// <summary>A field's value as the log shows it: text as it is, anything else as JSON, at most 60 characters.</summary>
    private static string Show(JsonNode? value)
    {
        if (value is null) return "(none)";
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        return text.Length > 60 ? text[..60] + "…" : text;
    }
}
