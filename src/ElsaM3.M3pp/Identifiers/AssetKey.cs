using System.Text.RegularExpressions;

namespace ElsaM3.M3pp.Identifiers;

/// <summary>An asset's unique key (UKey): two letters and eight digits. Parse with <see cref="PatternIdentifier.TryParse{T}"/>.</summary>
public readonly partial record struct AssetKey : IPatternIdentifier<AssetKey>
{
    private AssetKey(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    static Regex IPatternIdentifier<AssetKey>.Pattern => Pattern();
    static string IPatternIdentifier<AssetKey>.Name => "Asset key";
    static string IPatternIdentifier<AssetKey>.Example => "AS00012345";
    static AssetKey IPatternIdentifier<AssetKey>.Create(string value) => new(value);

    [GeneratedRegex("^[A-Z]{2}[0-9]{8}$")]
    private static partial Regex Pattern();
}
