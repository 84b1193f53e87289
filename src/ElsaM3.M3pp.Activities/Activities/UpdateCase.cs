using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>
/// Writes onto the CXM case (§4): case fields, its status and a note, each from a template. Templates see the case and,
/// after a watch, the record it saw (<c>worksheet</c> or <c>asset</c>) and the <c>change</c>. CXM refusing a value is
/// <c>Invalid</c> (never retried); CXM unreachable is retried in the background like the M3 calls, then <c>Failed</c>.
/// </summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Update the CXM case from templates: case fields, its status and a note (e.g. after Watch Worksheet: \"Closed in M3: {{ worksheet.closureReason }}\").", DisplayName = "Update Case")]
public sealed class UpdateCase(M3ppServices services) : M3IntegrationActivity<UpdateCaseInput, CasePatch>(services)
{
    protected override string Operation => "UpdateCase";

    protected override async ValueTask<CasePatch> PrepareAsync(IntegrationScope scope, UpdateCaseInput input, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var watched = scope.Context.WorkflowProperties.ValueOf(Changes.WatchProperties.LastWatched) as IDictionary<string, object?>;
        using var shown = ExpressionGlobals.Show(scope.Context.Memory, watched?.ToDictionary() ?? new Dictionary<string, object?>());
        var fields = new Dictionary<string, string?>();
        foreach (var (field, template) in input.Fields ?? [])
        {
            if (string.IsNullOrWhiteSpace(field)) scope.Problem("a case field name in 'Fields' is empty.");
            else fields[field.Trim()] = await scope.RenderTemplateAsync(template, $"case field {field}", cancellationToken);
        }
        var status = await scope.RenderAsync(input.Status, "Status", cancellationToken);
        var noteText = await scope.RenderAsync(input.Note, "Note", cancellationToken);
        List<CaseNote> notes = [];
        if (noteText is { Length: > CaseNote.MaxLength }) scope.Problem($"mapping 'Note' rendered {noteText.Length} characters: a case note is at most {CaseNote.MaxLength}.");
        else if (noteText is not null)
        {
            if (Enum.TryParse<NoteVisibility>(input.NoteVisibility ?? nameof(NoteVisibility.Internal), ignoreCase: true, out var visibility) && !int.TryParse(input.NoteVisibility, out _))
                notes.Add(new CaseNote(noteText, visibility));
            else scope.Problem($"'Note visibility' must be internal or customer, not '{input.NoteVisibility}'.");
        }
        var patch = new CasePatch(fields, new Dictionary<string, string?>()) { Status = status, Notes = notes };
        if (scope.Problems.Count == 0 && patch.IsEmpty) scope.Problem("nothing to update: map a case field, a status or a note.");
        return patch;
    }

    protected override async Task<CallResult> AttemptAsync(IntegrationScope scope, UpdateCaseInput input, CasePatch patch, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var written = await Services.Cxm.UpdateCaseAsync(scope.CaseReference!, patch, cancellationToken);
        if (!written.IsSuccess) return Failure(written, $"updating case {scope.CaseReference}");
        if (patch.Fields.Count > 0) scope.SetFields(patch.Fields);
        var summary = new Dictionary<string, object?>
        {
            ["fields"] = patch.Fields.ToDictionary(f => f.Key, f => (object?)f.Value),
            ["status"] = patch.Status,
            ["notes"] = patch.Notes.Select(n => new Dictionary<string, object?> { ["text"] = n.Text, ["visibility"] = n.Visibility.ToString().ToLowerInvariant() }).ToList(),
        };
        return new CallResult.Succeeded(new IntegrationOutput { Reference = scope.CaseReference, Record = summary }, scope.CaseReference)
        {
            HttpStatus = written.HttpStatus, CorrelationId = written.CorrelationId,
        };
    }
}

public sealed class UpdateCaseInput
{
    [Input(Description = "Case field → template, e.g. {\"m3-officer\": \"{{ worksheet.officer.name }}\"}.", UIHint = "json-editor", Order = 1)]
    public Dictionary<string, string>? Fields { get; set; }

    [Input(Description = "Optional. The case's new status (one of its case type's statuses, e.g. closed).", DefaultSyntax = "Literal", Order = 2)]
    public DeferredExpression? Status { get; set; }

    [Input(Description = "Optional. A note appended to the case, e.g. Closed in M3: {{ worksheet.closureReason }}.", DefaultSyntax = "Scriban", UIHint = "multiline", Order = 3)]
    public DeferredExpression? Note { get; set; }

    [Input(DisplayName = "Note visibility", Description = "Who sees the note: internal (staff) or customer.", UIHint = "dropdown", Options = ["internal", "customer"], Order = 4)]
    public string? NoteVisibility { get; set; } = "internal";
}
