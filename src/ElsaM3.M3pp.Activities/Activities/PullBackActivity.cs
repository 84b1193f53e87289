using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.Workflows.Expressions;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>
/// Reads the worksheet or asset stored in a Reference back from M3 and writes mapped values onto the case
/// (the brief's incoming templates). Mappings are case field → template over <c>worksheet</c> or <c>asset</c>.
/// <typeparamref name="TKey"/> is what the Reference holds: a <see cref="WorksheetReference"/> or an <see cref="AssetKey"/>.
/// </summary>
public abstract class PullBackActivity<TKey>(M3ppServices services) : M3IntegrationActivity<PullBackInput, string>(services)
    where TKey : struct, IPatternIdentifier<TKey>
{
    /// <summary>The name templates see the record under: <c>worksheet</c> or <c>asset</c>.</summary>
    protected abstract string RecordName { get; }

    /// <summary>Reads the record; a failure is described with <paramref name="stage"/>.</summary>
    protected abstract Task<(object? Record, CallResult.Failed? Failure)> ReadAsync(TKey key, string stage, CancellationToken cancellationToken);

    /// <summary>The request is the value stored in the Reference: the worksheet reference or asset key to read.</summary>
    protected override ValueTask<string> PrepareAsync(IntegrationScope scope, PullBackInput input, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var value = scope.ReferencedValue<TKey>(input.Reference, "read", "nothing was created to pull back from");
        if (input.Mappings is not { Count: > 0 }) scope.Problem("mapping list is empty: map at least one case field.");
        return ValueTask.FromResult(value ?? "");
    }

    protected override async Task<CallResult> AttemptAsync(IntegrationScope scope, PullBackInput input, string reference, M3ppSettings settings, CancellationToken cancellationToken)
    {
        var (record, failure) = await ReadAsync(PatternIdentifier.Parse<TKey>(reference), $"reading {RecordName} {reference}", cancellationToken);
        if (failure is not null) return failure;

        var fields = new Dictionary<string, string?>();
        using (ExpressionGlobals.Show(scope.Context.Memory, new Dictionary<string, object?> { [RecordName] = WorkflowJson.ToPlain(record) }))
        using (scope.Context.ShareExpressionModels())
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
