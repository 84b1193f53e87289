using ElsaM3.Runtime.Instances;
using ElsaM3.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Server.Tests.Support;

/// <summary>The Elsa files of the workflow tests' <c>Fixtures/</c> (linked into this project), and the instances they made.</summary>
public static class ElsaFiles
{
    public static string Read(string folder, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name));

    /// <summary>Every stored instance of <paramref name="definitionId"/>, newest first.</summary>
    public static async Task<List<WorkflowState>> InstancesOfAsync(this IServiceProvider services, string definitionId)
    {
        var store = services.GetRequiredService<IWorkflowInstanceStore>();
        var states = new List<WorkflowState>();
        foreach (var id in await store.FindIdsAsync(new InstanceQuery { DefinitionIds = [definitionId], PageSize = 100 }, default))
            states.Add((await store.FindStateAsync(id, default))!);
        return states;
    }
}
