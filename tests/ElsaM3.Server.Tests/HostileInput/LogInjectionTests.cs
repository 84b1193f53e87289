using ElsaM3.Server.Hosting;
using Microsoft.Extensions.Logging;
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
}
