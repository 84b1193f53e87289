using System.Security.Claims;
using ElsaM3.Identity;
using ElsaM3.Runtime.Definitions;
using ElsaM3.Runtime.Triggers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaM3.Api.WorkflowDefinitions;

/// <summary>
/// A workflow started through the API (execute, dispatch) skips its triggers, so the caller must meet their policies:
/// an analyst may not raise a real worksheet with a case CXM never sent by starting a <c>cxm</c>-policy workflow directly.
/// Admins may.
/// </summary>
public sealed class DirectStartCheck(IEnumerable<IDirectStartRules> rules, WorkflowGraphCache graphs, IAuthorizationService authorization)
{
    public async Task<ProblemHttpResult?> RefusalAsync(ClaimsPrincipal caller, Workflows.Definitions.WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        if (caller.IsInRole(Roles.Admin)) return null;
        var graph = await graphs.GetAsync(definition, cancellationToken);
        foreach (var rule in rules)
        foreach (var policy in await rule.RequiredPoliciesAsync(graph, cancellationToken))
            if (!(await authorization.AuthorizeAsync(caller, policy)).Succeeded)
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                    detail: $"Workflow '{definition.DefinitionId}' is started by a trigger with the policy '{policy}'; starting it directly needs that policy or an admin.");
        return null;
    }
}
