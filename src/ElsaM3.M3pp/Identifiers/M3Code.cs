using System.Text.RegularExpressions;

namespace ElsaM3.M3pp.Identifiers;

/// <summary>An authority-defined code (department, application, task group, task, asset type, section, attribute): 1–10 of A–Z, 0–9 and _, case-sensitive. Parse with <see cref="PatternIdentifier.TryParse{T}"/>.</summary>
public readonly partial record struct M3Code : IPatternIdentifier<M3Code>
{
    private M3Code(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    static Regex IPatternIdentifier<M3Code>.Pattern => Pattern();
    static string IPatternIdentifier<M3Code>.Name => "Code";
    static string IPatternIdentifier<M3Code>.Example => "EH, NOISE or WBIN";
    static M3Code IPatternIdentifier<M3Code>.Create(string value) => new(value);

    [GeneratedRegex("^[A-Z0-9_]{1,10}$")]
    private static partial Regex Pattern();
}
