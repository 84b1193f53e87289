using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaM3.Api;

/// <summary>Bad-input answers that name the field and the reason, in the shape Studio shows in a snackbar.</summary>
public static class ApiErrors
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A problem naming the first null or blank item of <paramref name="items"/> (<c>ids[2]</c>), or null when there is none.</summary>
    public static ValidationProblem? BlankItem(string field, IReadOnlyList<string?>? items)
    {
        if (items is null) return null;
        for (var i = 0; i < items.Count; i++)
            if (string.IsNullOrWhiteSpace(items[i])) return Invalid($"{field}[{i}]", "must be an id, not null or blank.");
        return null;
    }

    /// <summary>409: publishing would clash with another published workflow; the answer names both.</summary>
    public static ProblemHttpResult Conflict(ElsaM3.Runtime.Triggers.TriggerConflictException conflict) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The workflow clashes with a published one", detail: conflict.Message,
            extensions: new Dictionary<string, object?> { ["workflows"] = conflict.ConflictingDefinitionIds });

    /// <summary>Splits "field: reason" messages (as <c>WorkflowDefinitionException</c> writes them).</summary>
    public static ValidationProblem FromMessage(string message, string defaultField = "model")
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !message[..colon].Contains(' ')
            ? Invalid(message[..colon], message[(colon + 2)..])
            : Invalid(defaultField, message);
    }
}
