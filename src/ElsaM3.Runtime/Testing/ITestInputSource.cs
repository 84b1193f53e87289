using System.Security.Claims;

namespace ElsaM3.Runtime.Testing;

/// <summary>
/// The workflow input an activity runs against in Studio's Test tab (e.g. the sample case the analyst chose), per
/// caller.
/// </summary>
public interface ITestInputSource
{
    ValueTask<IReadOnlyDictionary<string, object?>> GetAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
