namespace ElsaM3.Cases.Http.TestCases;

/// <summary>Where the sample cases offered in Studio's Test tab are (<c>workflows/cases</c> by default).</summary>
public sealed class TestCaseOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:TestCases";

    public string? Directory { get; set; }

    /// <summary>Largest case an analyst may paste, in bytes of JSON (each keeps one, held in memory). Default 256 KiB.</summary>
    public int MaxPastedBytes { get; set; } = 256 * 1024;
}
