using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaM3.Api;

/// <summary>Bad-input answers that name the field and the reason, in the shape Studio shows in a snackbar.</summary>
public static class ApiErrors
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Splits "field: reason" messages (as <c>WorkflowDefinitionException</c> writes them).</summary>
    public static ValidationProblem FromMessage(string message, string defaultField = "model")
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ')
            ? Invalid(message[..colon], message[(colon + 2)..])
            : Invalid(defaultField, message);
    }
}
