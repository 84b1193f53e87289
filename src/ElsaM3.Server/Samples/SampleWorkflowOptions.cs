namespace ElsaM3.Server.Samples;

/// <summary>Where the sample rule workflows are, bound to <c>ElsaM3:Samples</c>.</summary>
public sealed class SampleWorkflowOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Samples";

    /// <summary>Folder of Elsa JSON files to import and publish; by default the repository's <c>workflows/</c>, found upwards from the working directory.</summary>
    public string? Directory { get; set; }

    /// <summary>Set false to skip the import.</summary>
    public bool Import { get; set; } = true;

    /// <summary>The configured folder, else <c>workflows/</c> next to <c>ElsaM3.sln</c> above the content root or the app.</summary>
    public string? ResolveDirectory(string contentRoot) =>
        Directory ?? FindWorkflowsFolder(contentRoot) ?? FindWorkflowsFolder(AppContext.BaseDirectory);

    private static string? FindWorkflowsFolder(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (System.IO.Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ElsaM3.sln"))) return candidate;
        }
        return null;
    }
}
