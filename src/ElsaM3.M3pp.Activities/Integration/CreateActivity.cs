using ElsaM3.M3pp.Gateways;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>
/// What both creates share: a Reference already set on the case is reused without a call, every attempt carries the
/// same idempotency key, and the new reference is stored on the CXM case and in the workflow's case.
/// </summary>
public abstract class CreateActivity<TInput, TRequest>(M3ppServices services) : M3IntegrationActivity<TInput, TRequest>(services) where TInput : new()
{
    /// <summary>The Reference (e.g. <c>m3-worksheet</c>) that receives the new reference.</summary>
    protected abstract string? ReferenceName(TInput input);

    protected sealed override CallResult? Shortcut(IntegrationScope scope, TInput input) =>
        scope.ReferenceValue(ReferenceName(input)!) is { } existing
            ? new CallResult.Succeeded(new IntegrationOutput { Reference = existing }, existing, AlreadyExisted: true)
            : null;

    /// <summary>The recommended key: <c>{case}:{Reference}:{workflow}.{activity}</c>, the same on every retry.</summary>
    protected static IdempotencyKey KeyFor(IntegrationScope scope, string referenceName) =>
        IdempotencyKey.For(scope.CaseReference!, referenceName, $"{scope.Context.WorkflowDefinitionId}.{scope.Context.ActivityId}");

    /// <summary>Writes the new reference onto the CXM case, then into the workflow's case.</summary>
    protected async Task<CallResult> StoreReferenceAsync<T>(IntegrationScope scope, string referenceName, string reference, object? record,
        GatewayResult<T> created, bool alreadyExisted, CancellationToken cancellationToken)
    {
        var written = await Services.Cxm.UpdateCaseAsync(scope.CaseReference!, CasePatch.SetReference(referenceName, reference), cancellationToken);
        if (!written.IsSuccess) return Failure(written, $"storing {reference} in Reference '{referenceName}' on the case") with { ExternalReference = reference };
        scope.SetReferenceValue(referenceName, reference);
        return new CallResult.Succeeded(new IntegrationOutput { Reference = reference, Record = record }, reference, alreadyExisted)
        {
            HttpStatus = created.HttpStatus, CorrelationId = created.CorrelationId,
        };
    }
}
