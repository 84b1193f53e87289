namespace ElsaM3.Runtime.Definitions;

/// <summary>Which versions of a definition a query wants (Elsa's <c>versionOptions</c>).</summary>
public readonly record struct VersionOptions(VersionSelection Selection, int Version = 0)
{
    public static readonly VersionOptions Latest = new(VersionSelection.Latest);
    public static readonly VersionOptions Published = new(VersionSelection.Published);
    public static readonly VersionOptions LatestOrPublished = new(VersionSelection.LatestOrPublished);
    public static readonly VersionOptions AllVersions = new(VersionSelection.AllVersions);

    public static VersionOptions SpecificVersion(int version) => new(VersionSelection.SpecificVersion, version);

    /// <summary>Parses <c>Latest</c>, <c>Published</c>, …, or a version number; empty means any version.</summary>
    public static bool TryParse(string? text, out VersionOptions options)
    {
        options = AllVersions;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (int.TryParse(text, out var number) && number > 0)
        {
            options = SpecificVersion(number);
            return true;
        }
        if (!Enum.TryParse<VersionSelection>(text, ignoreCase: true, out var selection) || selection == VersionSelection.SpecificVersion)
            return false;
        options = new VersionOptions(selection);
        return true;
    }

    public override string ToString() => Selection == VersionSelection.SpecificVersion ? Version.ToString() : Selection.ToString();
}

public enum VersionSelection
{
    Latest,
    Published,
    LatestOrPublished,
    LatestAndPublished,
    Draft,
    AllVersions,
    SpecificVersion,
}
