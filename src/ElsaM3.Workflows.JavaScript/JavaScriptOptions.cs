using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>Limits for every JavaScript evaluation, bound to <c>ElsaM3:JavaScript</c>.</summary>
public sealed class JavaScriptOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:JavaScript";

    /// <summary>Longest one evaluation may run. Default 2 s.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = Section + ":Timeout must be longer than zero and at most an hour.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most statements one evaluation may execute. Default 100,000.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = Section + ":MaxStatements must be at least 1.")]
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Most memory the engine may allocate, in bytes. Default 32 MiB.</summary>
    [SettingRange(1024d, long.MaxValue, ErrorMessage = Section + ":MemoryLimitBytes must be at least 1024.")]
    public long MemoryLimitBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Deepest call recursion. Default 256.</summary>
    [SettingRange(1, 100_000, ErrorMessage = Section + ":RecursionLimit must be between 1 and 100,000.")]
    public int RecursionLimit { get; set; } = 256;
}

/// <summary>Checks <see cref="JavaScriptOptions"/> at start (generated from its attributes).</summary>
[OptionsValidator]
public sealed partial class JavaScriptOptionsValidator : IValidateOptions<JavaScriptOptions>;
