using System.Text.Json.Nodes;

namespace ElsaM3.M3pp.Gateways;

/// <summary>CXM's case API: read a case, and write references and pulled-back fields onto it (<c>cxm-case-api.md</c> §3).</summary>
public interface ICxmGateway
{
    Task<GatewayResult<JsonObject>> GetCaseAsync(string caseReference, CancellationToken cancellationToken);

    Task<GatewayResult<JsonObject>> UpdateCaseAsync(string caseReference, CasePatch patch, CancellationToken cancellationToken);
}

/// <summary>
/// Fields and references to set on a case, and (§4, changes coming back from M3) its new status and notes to append;
/// any part may be empty.
/// </summary>
public sealed record CasePatch(IReadOnlyDictionary<string, string?> Fields, IReadOnlyDictionary<string, string?> References)
{
    public string? Status { get; init; }
    public IReadOnlyList<CaseNote> Notes { get; init; } = [];

    public bool IsEmpty => Fields.Count == 0 && References.Count == 0 && Status is null && Notes.Count == 0;

    public static CasePatch SetReference(string name, string value) => new(new Dictionary<string, string?>(), new Dictionary<string, string?> { [name] = value });

    public static CasePatch SetFields(IReadOnlyDictionary<string, string?> fields) => new(fields, new Dictionary<string, string?>());
}
