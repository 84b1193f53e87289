namespace ElsaM3.Workflows.Descriptors;

/// <summary>
/// Offers the choices of an input whose list depends on another system or on the activity's other inputs (an input
/// marked <c>[Input(RefreshOptions = true)]</c>); Studio asks each time the activity is selected.
/// </summary>
public interface IInputOptionsProvider
{
    bool Handles(string activityTypeName, string inputName);

    /// <param name="context">The activity's other inputs whose values are plain text (Literal), by input name.</param>
    ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(string activityTypeName, string inputName,
        IReadOnlyDictionary<string, string> context, CancellationToken cancellationToken);
}

/// <summary>One choice: the value stored and the text shown.</summary>
public sealed record InputOption(string Value, string Text);
