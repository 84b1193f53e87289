namespace ElsaM3.Server.Studio;

/// <summary>Where Elsa Studio is served from, bound to <c>ElsaM3:Studio</c>.</summary>
public sealed class StudioOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Studio";

    /// <summary>The repository's <c>designer/</c> folder (host pages, and <c>node_modules</c> with the Studio package); found upwards from the working directory when unset.</summary>
    public string? DesignerDirectory { get; set; }
}
