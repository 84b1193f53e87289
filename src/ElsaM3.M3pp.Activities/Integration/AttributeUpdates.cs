using ElsaM3.M3pp.Contracts;
using ElsaM3.Workflows.Expressions;

namespace ElsaM3.M3pp.Activities.Integration;

/// <summary>What both attribute-update activities share: the attribute list and the call.</summary>
internal static class AttributeUpdates
{
    public static async ValueTask<List<AttributeValue>> AttributesAsync(IntegrationScope scope, DeferredExpression? code, DeferredExpression? value,
        Dictionary<string, string>? more, CancellationToken ct)
    {
        var attributeCode = scope.Code(await scope.RequiredAsync(code, "Attribute code", ct), "Attribute code");
        var attributeValue = await scope.RequiredAsync(value, "Value", ct);
        var attributes = new List<AttributeValue> { new(attributeCode, attributeValue) };
        foreach (var (extraCode, template) in more ?? [])
        {
            var rendered = await scope.RenderTemplateAsync(template, $"Attribute {extraCode}", ct);
            if (rendered is null) scope.Problem($"mandatory mapping 'Attribute {extraCode}' resolved to an empty value.");
            attributes.Add(new AttributeValue(scope.Code(extraCode.Trim(), $"Attribute {extraCode}"), rendered));
        }
        return attributes;
    }

    public static async Task<CallResult> SendAsync(M3ppServices services, AttributeUpdateRequest request, CancellationToken ct)
    {
        var result = await services.M3.UpdateAttributesAsync(request, ct);
        if (!result.IsSuccess)
            return new CallResult.Failed(result.Error, "updating asset attributes") { HttpStatus = result.HttpStatus, CorrelationId = result.CorrelationId };
        var keys = string.Join(",", result.Value.Updated.Select(u => u.AssetKey));
        return new CallResult.Succeeded(new IntegrationOutput { Reference = keys, Record = result.Value }, $"{keys} ({result.Value.MatchedCount} assets)")
        {
            HttpStatus = result.HttpStatus, CorrelationId = result.CorrelationId,
        };
    }
}
