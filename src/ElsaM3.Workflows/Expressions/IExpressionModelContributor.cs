namespace ElsaM3.Workflows.Expressions;

/// <summary>Adds named values to the root of template and script models (for example the CXM case's parts).</summary>
public interface IExpressionModelContributor
{
    void Contribute(ExpressionContext context, IDictionary<string, object?> root);
}
