using System.Text.RegularExpressions;

namespace ElsaM3.M3pp.Identifiers;

/// <summary>A non-gazetteer site (street section, open space): <c>ST</c> and eight digits. Parse with <see cref="PatternIdentifier.TryParse{T}"/>.</summary>
public readonly partial record struct SiteKey : IPatternIdentifier<SiteKey>
{
    private SiteKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    static Regex IPatternIdentifier<SiteKey>.Pattern => Pattern();
    static string IPatternIdentifier<SiteKey>.Name => "Site key";
    static string IPatternIdentifier<SiteKey>.Example => "ST00004512";
    static SiteKey IPatternIdentifier<SiteKey>.Create(string value) => new(value);

    [GeneratedRegex("^ST[0-9]{8}$")]
    private static partial Regex Pattern();
}
