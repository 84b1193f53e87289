namespace ElsaM3.Identity.Applications;

/// <summary>
/// Remembers the signatures of signed requests for as long as their timestamps are acceptable, so each is good once:
/// in this process on one node, in the shared database when several nodes take requests.
/// </summary>
public interface ISignatureReplayGuard
{
    /// <summary>True the first time <paramref name="signature"/> is presented; false for a replay before <paramref name="keepUntil"/>.</summary>
    Task<bool> FirstUseAsync(string signature, DateTimeOffset keepUntil, CancellationToken cancellationToken);
}
