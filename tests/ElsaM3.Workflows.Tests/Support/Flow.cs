using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Tests.Support;

/// <summary>Builds flowchart workflow definitions for tests.</summary>
public sealed class Flow
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private readonly JsonObject _options = [];

    public static JsonObject Literal(object? value, string typeName = "String") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = JsonValue.Create(value) } };

    public static JsonObject Expr(string syntax, string value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value } };

    public Flow Add(string id, string type, params (string Name, JsonNode? Value)[] properties)
    {
        var activity = new JsonObject { ["id"] = id, ["name"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in properties) activity[name] = value;
        _activities.Add(activity);
        return this;
    }

    public Flow Record(string id, params string[] outcomes) => outcomes.Length == 0
        ? Add(id, "Test.Record", ("label", Literal(id)))
        : Add(id, "Test.Record", ("label", Literal(id)), ("outcomes", Expr("Object", System.Text.Json.JsonSerializer.Serialize(outcomes), "String[]")));

    public Flow Connect(string source, string target, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
        });
        return this;
    }

    public Flow Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++) Connect(ids[i - 1], ids[i]);
        return this;
    }

    public Flow Variable(string name, string typeName = "Object", string? value = null)
    {
        _variables.Add(new JsonObject { ["id"] = $"v-{name}", ["name"] = name, ["typeName"] = typeName, ["isArray"] = false, ["value"] = value });
        return this;
    }

    public Flow IncidentStrategy(string typeName)
    {
        _options["incidentStrategyType"] = typeName;
        return this;
    }

    public string Json() => new JsonObject
    {
        ["id"] = "v1",
        ["definitionId"] = "test",
        ["name"] = "Test",
        ["version"] = 1,
        ["variables"] = _variables.DeepClone(),
        ["options"] = _options.DeepClone(),
        ["root"] = new JsonObject
        {
            ["id"] = "fc",
            ["type"] = ActivityNode.FlowchartType,
            ["version"] = 1,
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    }.ToJsonString();
}
