using System.Text;

namespace ElsaM3.Workflows.Primitives;

/// <summary>Text bound for a log, with control characters written as escapes so data can never start a line of its own.</summary>
public static class LogText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(char.IsControl)) return text ?? "";
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return escaped.ToString();
    }
}
