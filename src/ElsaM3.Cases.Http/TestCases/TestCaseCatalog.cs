using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using ElsaM3.Runtime.Testing;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.Options;

namespace ElsaM3.Cases.Http.TestCases;

/// <summary>
/// The case each analyst tests activities against: a sample from <c>workflows/cases</c> or one they pasted. Held per
/// user name on this node (a restart goes back to the first sample); the sample files are read on each request, so
/// a new file shows at once.
/// </summary>
public sealed class TestCaseCatalog(IOptions<TestCaseOptions> options) : ITestInputSource
{
    // One per user, whatever the casing of the name they signed in with.
    private readonly ConcurrentDictionary<string, TestCase> _chosen = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IReadOnlyList<TestCase>> SamplesAsync(CancellationToken cancellationToken)
    {
        var directory = options.Value.Directory;
        if (directory is null || !Directory.Exists(directory)) return [];
        var samples = new List<TestCase>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order())
        {
            try
            {
                if (WorkflowJson.ToPlain(JsonSerializer.Deserialize<JsonElement>(await File.ReadAllBytesAsync(file, cancellationToken))) is IDictionary<string, object?> @case
                    && CaseCheck.Problems(@case).Count == 0)
                    samples.Add(new TestCase(Path.GetFileNameWithoutExtension(file), @case));
            }
            catch (JsonException)
            {
                // A broken sample file is not offered; the others still are.
            }
        }
        return samples;
    }

    public async Task<TestCase?> CurrentAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        _chosen.TryGetValue(Key(user), out var chosen) ? chosen : (await SamplesAsync(cancellationToken)).FirstOrDefault();

    public void Choose(ClaimsPrincipal user, TestCase testCase) => _chosen[Key(user)] = testCase;

    public async ValueTask<IReadOnlyDictionary<string, object?>> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await CurrentAsync(user, cancellationToken) is { } current
            ? new Dictionary<string, object?> { [CaseExpressionModel.VariableName] = current.Case }
            : new Dictionary<string, object?>();

    private static string Key(ClaimsPrincipal user) => user.Identity?.Name ?? "";
}

/// <summary>A case to test with: <see cref="Name"/> is the sample's file name, or <c>pasted</c>.</summary>
public sealed record TestCase(string Name, IDictionary<string, object?> Case)
{
    public const string PastedName = "pasted";

    public string? Reference => Case.TryGetValue("reference", out var r) ? r?.ToString() : null;
    public string? CaseType => Case.TryGetValue("caseType", out var t) ? t?.ToString() : null;
}
