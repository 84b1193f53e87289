using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.Scriban;

/// <summary>Limits for every Scriban or Liquid render, bound to <c>ElsaM3:Templates</c>; a template is held like a script.</summary>
public sealed class TemplateOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Templates";

    /// <summary>Longest one render may run. Default 2 s.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = Section + ":Timeout must be longer than zero and at most ten minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most memory one render may allocate in all (strings, arrays, objects), in bytes. Default 64 MiB.</summary>
    [SettingRange(65536d, long.MaxValue, ErrorMessage = Section + ":MaxMemoryBytes must be at least 65536.")]
    public long MaxMemoryBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Longest text one render may produce, in characters. Default 1,048,576.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":MaxOutputCharacters must be at least 1.")]
    public int MaxOutputCharacters { get; set; } = 1024 * 1024;

    /// <summary>Most iterations of one loop. Default 10,000.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":LoopLimit must be at least 1.")]
    public int LoopLimit { get; set; } = 10_000;
}

/// <summary>Checks <see cref="TemplateOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class TemplateOptionsValidator : IValidateOptions<TemplateOptions>;
