namespace ElsaM3.Workflows.JavaScript;

/// <summary>Limits for every JavaScript evaluation, bound to <c>ElsaM3:JavaScript</c>.</summary>
public sealed class JavaScriptOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:JavaScript";

    /// <summary>Longest one evaluation may run. Default 2 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most statements one evaluation may execute. Default 100,000.</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Most memory the engine may allocate, in bytes. Default 32 MiB.</summary>
    public long MemoryLimitBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Deepest call recursion. Default 256.</summary>
    public int RecursionLimit { get; set; } = 256;
}
