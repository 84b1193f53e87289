namespace ElsaM3.Server.Samples;

/// <summary>Where the sample rule workflows are, bound to <c>Workflows</c>.</summary>
public sealed class SampleWorkflowOptions
{
    /// <summary>Folder of Elsa JSON files to import and publish; by default the repository's <c>workflows/</c>, found upwards from the working directory.</summary>
    public string? Directory { get; set; }

    /// <summary>Set false to skip the import.</summary>
    public bool Import { get; set; } = true;
}
