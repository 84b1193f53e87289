using System.Text.Json;

namespace ElsaM3.Workflows.Serialization;

/// <summary>How a JSON parse error is told to whoever sent the JSON: where (line and position, 1-based) and why.</summary>
public static class JsonErrorText
{
    /// <summary><c>" at line 3, position 14"</c>, or empty when the error has no position.</summary>
    public static string Where(JsonException error) =>
        error.LineNumber is { } line ? $" at line {line + 1}, position {error.BytePositionInLine + 1}" : "";

    /// <summary>The reason without the path and position System.Text.Json appends (they are given separately).</summary>
    public static string Reason(JsonException error) => error.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
}
