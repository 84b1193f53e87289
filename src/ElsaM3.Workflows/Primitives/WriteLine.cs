using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Primitives;

[Activity("Elsa", "Primitives", "Writes a line of text to the server's console.")]
public sealed class WriteLine(WorkflowConsole console) : Activity<WriteLineInput>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, WriteLineInput input, CancellationToken cancellationToken)
    {
        // The text is data (a case value, a query string): its line breaks are escaped so it cannot forge a log line.
        await console.Out.WriteLineAsync(LogText.Escape(input.Text).AsMemory(), cancellationToken);
        return Done();
    }
}

public sealed class WriteLineInput
{
    [Input(Description = "The text to write.")]
    public string? Text { get; set; }
}

/// <summary>Where <see cref="WriteLine"/> writes; the process's standard output unless replaced.</summary>
public sealed class WorkflowConsole
{
    public TextWriter Out { get; init; } = Console.Out;
}
