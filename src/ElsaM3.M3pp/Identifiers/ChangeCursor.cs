namespace ElsaM3.M3pp.Identifiers;

/// <summary>
/// A position in HUBis's change feed (§6.10): opaque and strictly increasing, as the feed gave it. Kept by the caller and
/// sent back as <c>after</c>.
/// </summary>
public readonly record struct ChangeCursor
{
    public const int MaxLength = 100;

    private ChangeCursor(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>
    /// Whether this cursor comes later in the feed than <paramref name="other"/>. Cursors are strictly increasing strings:
    /// a longer one is later (numbers without padding), else the ordinal order decides.
    /// </summary>
    public bool IsAfter(ChangeCursor other) =>
        Value.Length != other.Value.Length ? Value.Length > other.Value.Length : string.CompareOrdinal(Value, other.Value) > 0;

    /// <summary>A cursor the feed gave: non-empty, printable, at most <see cref="MaxLength"/> characters.</summary>
    public static bool TryParse(string? text, out ChangeCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength || text.Any(char.IsControl)) return false;
        cursor = new ChangeCursor(text);
        return true;
    }
}
