using ElsaM3.Server.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ElsaM3.Server.Tests.HostileInput;

/// <summary>A value logged from a request cannot start a line of its own (<c>/workflows/hello?name=x%0Afail: …</c>).</summary>
public sealed class LogInjectionTests
{
    [Fact]
    public void TheConsoleFormat_EscapesLineBreaksInMessages_AndIndentsExceptions()
    {
        var formatter = new EscapingConsoleFormatter();
        var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Warning, "ElsaM3.Test", new EventId(7), "name=x\nfail: Forged[0]\r\n      forged", null,
            (state, _) => state);

        formatter.Write(entry, null, writer);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldBe(["warn: ElsaM3.Test[7]", "      name=x\\nfail: Forged[0]\\r\\n      forged"]);
    }

    [Fact]
    public void AnExceptionsLines_AreAllIndented()
    {
        var writer = new StringWriter();
        var entry = new LogEntry<string>(LogLevel.Error, "ElsaM3.Test", new EventId(1), "failed", new InvalidOperationException("bad\nfail: forged"), (s, _) => s);

        new EscapingConsoleFormatter().Write(entry, null, writer);

        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Skip(1).ShouldAllBe(line => line.StartsWith("      "));
    }

    [Fact]
    public void The_server_writes_its_node_name_on_each_entry_escaped_like_a_message()
    {
        var writer = new StringWriter();
        var node = Microsoft.Extensions.Options.Options.Create(new ElsaM3.Runtime.Coordination.NodeOptions { Name = "node-a\nfail: x" });
        var entry = new LogEntry<string>(LogLevel.Information, "ElsaM3.Test", new EventId(3), "hello", null, (s, _) => s);

        new EscapingConsoleFormatter(node).Write(entry, null, writer);

        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).ShouldBe(["info: [node-a\\nfail: x] ElsaM3.Test[3]", "      hello"]);
    }

    [Fact]
    public async Task The_running_server_logs_with_its_configured_node_name()
    {
        var logs = new StringWriter();
        await using var app = new Support.ElsaM3Application(settings: new Dictionary<string, string?> { ["ElsaM3:Node:Name"] = "elsam3-b" });
        var formatter = app.Services.GetServices<Microsoft.Extensions.Logging.Console.ConsoleFormatter>().Single(f => f.Name == EscapingConsoleFormatter.FormatterName);
        formatter.Write(new LogEntry<string>(LogLevel.Information, "c", new EventId(0), "m", null, (s, _) => s), null, logs);
        logs.ToString().ShouldStartWith("info: [elsam3-b] c[0]");
    }
}
