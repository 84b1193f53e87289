using ElsaM3.M3pp.Contracts;

namespace ElsaM3.M3pp.Gateways;

/// <summary>A request to validate without effect: what a create or update would send.</summary>
public sealed record DryRunRequest
{
    private DryRunRequest(string path, object body) => (Path, Body) = (path, body);

    public string Path { get; }
    public object Body { get; }

    public static DryRunRequest For(CreateWorksheetRequest request) => new("api/v1/worksheets", request);
    public static DryRunRequest For(CreateAssetRequest request) => new("api/v1/assets", request);
    public static DryRunRequest For(AttributeUpdateRequest request) => new("api/v1/asset-attribute-updates", request);
}
