namespace ElsaM3.Api;

/// <summary>Endpoint metadata: only administrators may call this endpoint (the host maps it to a policy).</summary>
public sealed class AdminOnly
{
    public static readonly AdminOnly Instance = new();
}
