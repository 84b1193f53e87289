namespace ElsaM3.Workflows.Expressions;

/// <summary>Evaluates expressions of one syntax.</summary>
public interface IExpressionEvaluator
{
    ExpressionDescriptor Descriptor { get; }

    ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken);
}

/// <summary>A syntax as Studio reads it from <c>GET /descriptors/expression-descriptors</c>.</summary>
public sealed record ExpressionDescriptor(string Type, string DisplayName, string? MonacoLanguage = null, bool IsBrowsable = true)
{
    public bool IsSerializable => true;

    public IReadOnlyDictionary<string, object> Properties => MonacoLanguage is null
        ? new Dictionary<string, object>()
        : new Dictionary<string, object> { ["MonacoLanguage"] = MonacoLanguage };
}
