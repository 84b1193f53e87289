using ElsaM3.M3pp.Gateways;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>
/// What both creates share: a Reference already set on the case is reused without a call, every attempt carries the
/// same idempotency key, and the new reference is stored on the CXM case and in the workflow's case.
/// </summary>
public static class CreatedReference
{
    /// <summary>The record already created for this case (its Reference is set): reused, nothing created.</summary>
    public static CallResult.Succeeded? Existing(IntegrationScope scope, string? referenceName) =>
        referenceName is not null && scope.ReferenceValue(referenceName) is { } existing
            ? new CallResult.Succeeded(new IntegrationOutput { Reference = existing }, existing, AlreadyExisted: true)
            : null;

    /// <summary>The recommended key: <c>{case}:{Reference}:{workflow}.{activity}</c>, the same on every retry.</summary>
    public static IdempotencyKey KeyFor(IntegrationScope scope, string referenceName) =>
        IdempotencyKey.For(scope.CaseReference!, referenceName, $"{scope.Context.WorkflowDefinitionId}.{scope.Context.ActivityId}");

    /// <summary>Writes the new reference onto the CXM case, then into the workflow's case.</summary>
    public static async Task<CallResult> StoreAsync<T>(ICxmGateway cxm, IntegrationScope scope, string referenceName, string reference, object? record,
        GatewayResult<T> created, bool alreadyExisted, CancellationToken cancellationToken)
    {
        var written = await cxm.UpdateCaseAsync(scope.CaseReference!, CasePatch.SetReference(referenceName, reference), cancellationToken);
        if (!written.IsSuccess) return CallResult.Failed.Of(written, $"storing {reference} in Reference '{referenceName}' on the case") with { ExternalReference = reference };
        scope.SetReferenceValue(referenceName, reference);
        return new CallResult.Succeeded(new IntegrationOutput { Reference = reference, Record = record }, reference, alreadyExisted)
        {
            HttpStatus = created.HttpStatus, CorrelationId = created.CorrelationId,
        };
    }
}
