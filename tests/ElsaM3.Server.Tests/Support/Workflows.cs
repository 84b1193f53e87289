using System.Text.Json.Nodes;

namespace ElsaM3.Server.Tests.Support;

/// <summary>Workflow definitions for the server tests, in Elsa JSON.</summary>
public static class Workflows
{
    private static JsonObject Input(string typeName, string syntax, string value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value } };

    /// <summary>An HTTP-triggered flowchart: the endpoint <c>ep</c> binds the body to <c>Body</c> and route values to <c>Route</c>.</summary>
    public static string HttpWorkflow(string definitionId, string path, string method, string activities, string connections, string? variables = null)
    {
        var endpoint = new JsonObject
        {
            ["id"] = "ep", ["name"] = "Endpoint", ["type"] = "Elsa.HttpEndpoint", ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = true },
            ["path"] = Input("String", "Literal", path),
            ["supportedMethods"] = Input("String[]", "Object", $"[\"{method}\"]"),
            ["parsedContent"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "body" } },
            ["routeData"] = new JsonObject { ["typeName"] = "ObjectMap", ["memoryReference"] = new JsonObject { ["id"] = "route" } },
        };
        var list = JsonNode.Parse($"[{activities}]")!.AsArray();
        list.Insert(0, endpoint);
        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = definitionId,
            ["variables"] = JsonNode.Parse(variables ?? BodyAndRouteVariables),
            ["root"] = new JsonObject
            {
                ["id"] = "fc", ["type"] = "Elsa.Flowchart", ["version"] = 1,
                ["activities"] = list,
                ["connections"] = JsonNode.Parse($"[{connections}]"),
            },
        }.ToJsonString();
    }

    /// <summary>An HTTP Endpoint that waits mid-flow for a POST to <paramref name="path"/>, its body bound to the <c>Body</c> variable.</summary>
    public static string WaitForPost(string id, string path, string? policy = null)
    {
        var endpoint = new JsonObject
        {
            ["id"] = id, ["type"] = "Elsa.HttpEndpoint", ["version"] = 1,
            ["path"] = Input("String", "Literal", path),
            ["supportedMethods"] = Input("String[]", "Object", "[\"POST\"]"),
            ["parsedContent"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "body" } },
        };
        if (policy is not null) endpoint["policy"] = Input("String", "Literal", policy);
        return endpoint.ToJsonString();
    }

    /// <summary>A flowchart without a trigger (run with execute or dispatch).</summary>
    public static string Flowchart(string definitionId, string activities, string connections) => new JsonObject
    {
        ["definitionId"] = definitionId,
        ["name"] = definitionId,
        ["root"] = new JsonObject
        {
            ["id"] = "fc", ["type"] = "Elsa.Flowchart", ["version"] = 1,
            ["activities"] = JsonNode.Parse($"[{activities}]"),
            ["connections"] = JsonNode.Parse($"[{connections}]"),
        },
    }.ToJsonString();

    public static string WriteScript(string id, string javaScript) => new JsonObject
    {
        ["id"] = id, ["name"] = id, ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Input("String", "JavaScript", javaScript),
    }.ToJsonString();

    public const string BodyAndRouteVariables = """
        [{"id":"body","name":"Body","typeName":"Object","isArray":false,"value":null},
         {"id":"route","name":"Route","typeName":"Object","isArray":false,"value":null}]
        """;

    public static string Respond(string id, string scriban, string status = "OK") => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.WriteHttpResponse", ["version"] = 1,
        ["statusCode"] = Input("System.Net.HttpStatusCode, System.Net.Primitives", "Literal", status),
        ["content"] = Input("Object", "Scriban", scriban),
        ["contentType"] = Input("String", "Literal", "text/plain"),
    }.ToJsonString();

    public static string WriteLine(string id, string text) => new JsonObject
    {
        ["id"] = id, ["name"] = id, ["type"] = "Elsa.WriteLine", ["version"] = 1, ["text"] = Input("String", "Literal", text),
    }.ToJsonString();

    /// <summary>Elsa's Set Name then Correlate, both from the same Scriban template.</summary>
    public static string NameAndCorrelate(string nameId, string correlateId, string scriban) => new JsonObject
    {
        ["id"] = nameId, ["type"] = "Elsa.SetName", ["version"] = 1, ["value"] = Input("String", "Scriban", scriban),
    }.ToJsonString() + "," + new JsonObject
    {
        ["id"] = correlateId, ["type"] = "Elsa.Correlate", ["version"] = 1, ["correlationId"] = Input("String", "Scriban", scriban),
    }.ToJsonString();

    public static string Delay(string id, string timeSpan) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.Delay", ["version"] = 1, ["timeSpan"] = Input("TimeSpan", "Literal", timeSpan),
    }.ToJsonString();

    public static string Connect(string source, string target, string port = "Done") => new JsonObject
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    }.ToJsonString();

    private static JsonObject Literal(string typeName, object value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonValue.Create(value) } };

    private static JsonObject StartsWorkflow() => new() { ["canStartWorkflow"] = true };

    /// <summary>Elsa's Timer as the workflow's trigger, firing every <paramref name="interval"/>.</summary>
    public static string TimerTrigger(string id, string interval) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.Timer", ["version"] = 1, ["interval"] = Literal("TimeSpan", interval), ["customProperties"] = StartsWorkflow(),
    }.ToJsonString();

    /// <summary>Elsa's Event as the workflow's trigger.</summary>
    public static string EventTrigger(string id, string eventName) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.Event", ["version"] = 1, ["eventName"] = Literal("String", eventName), ["customProperties"] = StartsWorkflow(),
    }.ToJsonString();

    public static string PublishEvent(string id, string eventName) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.PublishEvent", ["version"] = 1, ["eventName"] = Literal("String", eventName),
    }.ToJsonString();

    /// <summary>Elsa's Execute Workflow of a published definition, waiting for it.</summary>
    public static string ExecuteWorkflow(string id, string definitionId) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.ExecuteWorkflow", ["version"] = 1, ["workflowDefinitionId"] = Literal("String", definitionId),
        ["waitForCompletion"] = Literal("Boolean", true),
    }.ToJsonString();

    /// <summary>Elsa's While with a condition that always holds, running <paramref name="bodyActivity"/> each time round.</summary>
    public static string WhileTrue(string id, string bodyActivity) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.While", ["version"] = 1, ["condition"] = Literal("Boolean", true), ["body"] = JsonNode.Parse(bodyActivity),
    }.ToJsonString();

    /// <summary>Elsa's HTTP Request (flow) to <paramref name="url"/>.</summary>
    public static string SendHttpRequest(string id, string url, string method = "GET", string? content = null) => new JsonObject
    {
        ["id"] = id, ["type"] = "Elsa.FlowSendHttpRequest", ["version"] = 1, ["url"] = Literal("System.Uri, System.Private.Uri", url),
        ["method"] = Literal("String", method), ["content"] = content is null ? null : Literal("Object", content),
        ["requestHeaders"] = new JsonObject { ["typeName"] = "Elsa.Http.Models.HttpHeaders, Elsa.Http",
            ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "{\"X-Probe\":\"from-a-workflow\"}" } },
    }.ToJsonString();
}
