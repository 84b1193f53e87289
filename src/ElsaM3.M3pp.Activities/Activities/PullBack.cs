using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.M3pp.Activities.Templates;
using ElsaM3.M3pp.Gateways;
using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>
/// Reads the worksheet or asset stored in a Reference back from M3 and writes mapped values onto the case
/// (the brief's incoming templates). Mappings are case field → template over <c>worksheet</c> or <c>asset</c>.
/// </summary>
public abstract class PullBackActivity(M3ppServices services) : M3IntegrationActivity<PullBackInput, string>(services)
{
    /// <summary>The name templates see the record under: <c>worksheet</c> or <c>asset</c>.</summary>
    protected abstract string RecordName { get; }

    protected abstract Task<(object? Record, CallResult.Failed? Failure)> ReadAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Checks the stored Reference value's format; the reason when it is wrong.</summary>
    protected abstract string? CheckReference(string value);

    /// <summary>The request is the value stored in the Reference: the worksheet reference or asset key to read.</summary>
    protected override ValueTask<string> PrepareAsync(IntegrationScope scope, PullBackInput input, M3ppSettings settings, CancellationToken cancellationToken)
    {
        string? value = null;
        if (string.IsNullOrWhiteSpace(input.Reference)) scope.Problem("mandatory mapping 'Reference' is empty: choose the Reference whose record to read.");
        else if ((value = scope.ReferenceValue(input.Reference)) is null) scope.Problem($"Reference '{input.Reference}' is empty on the case: nothing was created to pull back from.");
        else if (CheckReference(value) is { } problem) scope.Problem($"Reference '{input.Reference}': {problem}.");
        if (input.Mappings is not { Count: > 0 }) scope.Problem("mapping list is empty: map at least one case field.");
        return ValueTask.FromResult(value ?? "");
    }

    protected override async Task<CallResult> AttemptAsync(IntegrationScope scope, PullBackInput input, string reference, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var (record, failure) = await ReadAsync(reference, cancellationToken);
        if (failure is not null) return failure;

        var fields = new Dictionary<string, string?>();
        using (PulledRecordModel.Show(scope.Context.Memory, RecordName, WorkflowJson.ToPlain(record)))
            foreach (var (field, template) in input.Mappings!)
                fields[field.Trim()] = await scope.RenderTemplateAsync(template, $"case field {field}", cancellationToken);
        if (scope.Problems.Count > 0) return new CallResult.Invalid(scope.Problems);

        var written = await Services.Cxm.UpdateCaseAsync(scope.CaseReference!, CasePatch.SetFields(fields), cancellationToken);
        if (!written.IsSuccess) return Failure(written, $"writing pulled-back values onto case {scope.CaseReference}");
        scope.SetFields(fields);
        return new CallResult.Succeeded(new IntegrationOutput { Reference = reference, Record = fields }, reference)
        {
            HttpStatus = written.HttpStatus, CorrelationId = written.CorrelationId,
        };
    }
}

public sealed class PullBackInput
{
    [Input(Description = "Mandatory. The Reference (e.g. m3-worksheet) set by the create whose record is read back.", Order = 1)]
    public string? Reference { get; set; }

    [Input(Description = "Case field → template over the record read back, e.g. {\"m3-target-date\": \"{{ worksheet.targetDate }}\", \"m3-officer\": \"{{ worksheet.officer.name }}\"}.", UIHint = "json-editor", Order = 2)]
    public Dictionary<string, string>? Mappings { get; set; }
}

/// <summary>Pulls data from the new worksheet back onto the case.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Read the Worksheet stored in a Reference back from M3PP/Assure and store mapped values (templates over 'worksheet') in case fields.", DisplayName = "Pull Back Worksheet")]
public sealed class PullBackWorksheet(M3ppServices services) : PullBackActivity(services)
{
    protected override string Operation => "PullBackWorksheet";
    protected override string RecordName => "worksheet";

    protected override string? CheckReference(string value) =>
        ElsaM3.M3pp.Identifiers.PatternIdentifier.TryParse<ElsaM3.M3pp.Identifiers.WorksheetReference>(value, out _, out var error) ? null : error;

    protected override async Task<(object?, CallResult.Failed?)> ReadAsync(string reference, CancellationToken cancellationToken)
    {
        var parsed = ElsaM3.M3pp.Identifiers.PatternIdentifier.Parse<ElsaM3.M3pp.Identifiers.WorksheetReference>(reference);
        var found = await Services.M3.FindWorksheetAsync(parsed, cancellationToken);
        return found.IsSuccess ? (found.Value, null) : (null, Failure(found, $"reading worksheet {reference}"));
    }
}

/// <summary>Pulls data from the new asset back onto the case.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Read the Asset stored in a Reference back from M3PP/Assure and store mapped values (templates over 'asset') in case fields.", DisplayName = "Pull Back Asset")]
public sealed class PullBackAsset(M3ppServices services) : PullBackActivity(services)
{
    protected override string Operation => "PullBackAsset";
    protected override string RecordName => "asset";

    protected override string? CheckReference(string value) =>
        ElsaM3.M3pp.Identifiers.PatternIdentifier.TryParse<ElsaM3.M3pp.Identifiers.AssetKey>(value, out _, out var error) ? null : error;

    protected override async Task<(object?, CallResult.Failed?)> ReadAsync(string reference, CancellationToken cancellationToken)
    {
        var parsed = ElsaM3.M3pp.Identifiers.PatternIdentifier.Parse<ElsaM3.M3pp.Identifiers.AssetKey>(reference);
        var found = await Services.M3.GetAssetAsync(parsed, cancellationToken);
        return found.IsSuccess ? (found.Value, null) : (null, Failure(found, $"reading asset {reference}"));
    }
}
