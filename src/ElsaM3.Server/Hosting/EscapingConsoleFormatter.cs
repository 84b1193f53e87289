using ElsaM3.Workflows.Primitives;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ElsaM3.Server.Hosting;

/// <summary>
/// The console format of the simple formatter (<c>info: Category[0]</c>, then the message indented), with the
/// message's control characters escaped: a value logged from a request can never start a line that looks like a
/// log entry. Exception details follow, every line indented. With a node name the first line says which node wrote it
/// (<c>info: [node-a] Category[0]</c>), so the logs of several nodes can be read together. Credentials in URL queries are
/// masked (<see cref="QueryCredentials"/>).
/// </summary>
internal sealed class EscapingConsoleFormatter : ConsoleFormatter
{
    public const string FormatterName = "elsam3";
    private readonly string? _nodeName;

    public EscapingConsoleFormatter(Microsoft.Extensions.Options.IOptions<ElsaM3.Runtime.Coordination.NodeOptions> node) : this(LogText.Escape(node.Value.Name))
    {
    }

    /// <summary>Without a node name (one node, or a test).</summary>
    public EscapingConsoleFormatter() : this((string?)null)
    {
    }

    private EscapingConsoleFormatter(string? nodeName) : base(FormatterName) => _nodeName = nodeName;

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = QueryCredentials.Redact(logEntry.Formatter(logEntry.State, logEntry.Exception) ?? "");
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        if (_nodeName is not null)
        {
            textWriter.Write('[');
            textWriter.Write(_nodeName);
            textWriter.Write("] ");
        }
        textWriter.Write(logEntry.Category);
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.WriteLine(']');
        textWriter.Write("      ");
        textWriter.WriteLine(LogText.Escape(message));
        if (logEntry.Exception is { } exception)
            foreach (var line in exception.ToString().Split('\n'))
                textWriter.WriteLine("      " + LogText.Escape(QueryCredentials.Redact(line.TrimEnd('\r'))));
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
