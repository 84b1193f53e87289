using System.Text;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Workflows.JavaScript;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Api.Scripting;

/// <summary>Elsa's <c>POST /scripting/javascript/type-definitions/{definitionId}</c>: what Studio's JavaScript editor completes.</summary>
public static class ScriptingApi
{
    public static void MapScripting(this IEndpointRouteBuilder api) =>
        api.MapPost("/scripting/javascript/type-definitions/{definitionId}", TypeDefinitions).WithTags("Scripting");

    private static async Task<Results<FileContentHttpResult, NotFound>> TypeDefinitions(string definitionId, IWorkflowDefinitionStore store, CancellationToken ct)
    {
        var definition = await store.FindAsync(definitionId, VersionOptions.Latest, ct);
        if (definition is null) return TypedResults.NotFound();
        return TypedResults.File(Encoding.UTF8.GetBytes(JavaScriptTypeDefinitions.For(definition)), "application/x-typescript", $"elsa.{definitionId}.d.ts");
    }
}
