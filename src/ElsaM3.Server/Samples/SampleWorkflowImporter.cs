using System.Security.Cryptography;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Settings;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.Options;

namespace ElsaM3.Server.Samples;

/// <summary>
/// Imports and publishes every workflow file in the samples folder on first start, and again on later starts
/// only when the file changed (its SHA-256 is remembered in the store).
/// </summary>
public sealed partial class SampleWorkflowImporter(
    IOptions<SampleWorkflowOptions> options,
    WorkflowDefinitionSerializer serializer,
    WorkflowDefinitionService definitions,
    ISettingsStore store,
    IHostEnvironment environment,
    ILogger<SampleWorkflowImporter> logger)
{
    public async Task ImportAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Import) return;
        var directory = options.Value.ResolveDirectory(environment.ContentRootPath);
        if (directory is null || !Directory.Exists(directory))
        {
            LogNoFolder(directory ?? "workflows/");
            return;
        }
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order())
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            var hash = Convert.ToHexString(SHA256.HashData(bytes));
            var key = $"sample-workflow:{Path.GetFileName(file)}";
            if (await store.GetAsync(key, cancellationToken) == hash) continue;
            try
            {
                var definition = serializer.Deserialize(bytes);
                await definitions.SaveAsync(definition, publish: true, cancellationToken);
                await store.SetAsync(key, hash, cancellationToken);
                LogImported(Path.GetFileName(file), definition.DefinitionId);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ElsaM3.Workflows.Execution.WorkflowDefinitionException)
            {
                LogInvalid(Path.GetFileName(file), e.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Information, "Imported and published sample workflow {File} as '{DefinitionId}'.")]
    private partial void LogImported(string file, string definitionId);

    [LoggerMessage(LogLevel.Error, "Sample workflow {File} was not imported: {Reason}")]
    private partial void LogInvalid(string file, string reason);

    [LoggerMessage(LogLevel.Warning, "No sample workflows folder at {Folder}; nothing imported.")]
    private partial void LogNoFolder(string folder);
}
