using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity;

/// <summary>
/// The named policies, and for any other name "an authenticated caller with the role of that name", so an HTTP
/// Endpoint's <c>Policy</c> can name an application's role (e.g. <c>cxm</c>) without the server declaring it.
/// </summary>
internal sealed class RolePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
        await base.GetPolicyAsync(policyName)
        ?? (string.IsNullOrWhiteSpace(policyName) ? null : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(policyName.Trim()).Build());
}
