using System.Text.Json.Nodes;
using RestSharp;

namespace ElsaM3.M3pp.Gateways;

/// <summary>CXM's case API through RestSharp.</summary>
public sealed class RestCxmGateway(RestCaller caller, IGatewayConnections connections) : ICxmGateway
{
    public const string ClientName = "cxm";

    public Task<GatewayResult<JsonObject>> GetCaseAsync(string caseReference, CancellationToken cancellationToken) =>
        SendAsync(new RestRequest("api/v1/cases/" + Uri.EscapeDataString(caseReference)), cancellationToken);

    public Task<GatewayResult<JsonObject>> UpdateCaseAsync(string caseReference, CasePatch patch, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        if (patch.Fields.Count > 0) body["fields"] = new JsonObject(patch.Fields.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        if (patch.References.Count > 0) body["references"] = new JsonObject(patch.References.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        if (patch.Status is { } status) body["status"] = status;
        if (patch.Notes.Count > 0)
            body["notes"] = new JsonArray(patch.Notes.Select(n => (JsonNode)new JsonObject { ["text"] = n.Text, ["visibility"] = n.Visibility == NoteVisibility.Customer ? "customer" : "internal" }).ToArray());
        return SendAsync(new RestRequest("api/v1/cases/" + Uri.EscapeDataString(caseReference), Method.Patch).AddStringBody(body.ToJsonString(), DataFormat.Json), cancellationToken);
    }

    private async Task<GatewayResult<JsonObject>> SendAsync(RestRequest request, CancellationToken cancellationToken) =>
        await caller.SendAsync<JsonObject>(ClientName, await connections.CxmAsync(cancellationToken), request, null, cancellationToken);
}
