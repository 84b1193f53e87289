using System.Text.RegularExpressions;

namespace ElsaM3.M3pp.Identifiers;

/// <summary>A worksheet's human-facing reference: <c>WK/</c> + 4-digit year + 6-digit sequence. Parse with <see cref="PatternIdentifier.TryParse{T}"/>.</summary>
public readonly partial record struct WorksheetReference : IPatternIdentifier<WorksheetReference>
{
    private WorksheetReference(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    static Regex IPatternIdentifier<WorksheetReference>.Pattern => Pattern();
    static string IPatternIdentifier<WorksheetReference>.Name => "Worksheet reference";
    static string IPatternIdentifier<WorksheetReference>.Example => "WK/2025000123";
    static WorksheetReference IPatternIdentifier<WorksheetReference>.Create(string value) => new(value);

    [GeneratedRegex("^WK/[0-9]{10}$")]
    private static partial Regex Pattern();
}
