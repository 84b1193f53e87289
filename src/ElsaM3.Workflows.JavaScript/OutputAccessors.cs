using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>
/// Elsa's <c>get{Output}From{Activity}()</c> accessors (e.g. <c>getMessageFromGreetResident1()</c>): the ones a script
/// names, found once per script text, each reading that output of that activity as <c>getOutputFrom</c> does.
/// </summary>
internal static partial class OutputAccessors
{
    private static readonly ConcurrentDictionary<string, (string Accessor, string Output, string Activity)[]> ByScript = new();

    public static (string Accessor, string Output, string Activity)[] In(string script) => ByScript.GetOrAdd(script, static code =>
        [.. Accessor().Matches(code).Select(m => (m.Groups[0].Value, m.Groups[1].Value, m.Groups[2].Value)).Distinct()]);

    [GeneratedRegex(@"(?<![\w$.])get([A-Za-z_]\w*?)From([A-Za-z_]\w*)(?=\s*\()")]
    private static partial Regex Accessor();
}
