using System.Text.Json.Nodes;

namespace ElsaM3.M3pp.Gateways;

/// <summary>CXM's case API: read a case, and write references and pulled-back fields onto it (<c>cxm-case-api.md</c> §3).</summary>
public interface ICxmGateway
{
    Task<GatewayResult<JsonObject>> GetCaseAsync(string caseReference, CancellationToken cancellationToken);

    Task<GatewayResult<JsonObject>> UpdateCaseAsync(string caseReference, CasePatch patch, CancellationToken cancellationToken);
}

/// <summary>Fields and references to set on a case; either may be empty.</summary>
public sealed record CasePatch(IReadOnlyDictionary<string, string?> Fields, IReadOnlyDictionary<string, string?> References)
{
    public static CasePatch SetReference(string name, string value) => new(new Dictionary<string, string?>(), new Dictionary<string, string?> { [name] = value });

    public static CasePatch SetFields(IReadOnlyDictionary<string, string?> fields) => new(fields, new Dictionary<string, string?>());
}
