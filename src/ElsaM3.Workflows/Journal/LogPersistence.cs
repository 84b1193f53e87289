using System.Text.Json.Nodes;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Journal;

/// <summary>
/// Elsa's log persistence modes: which inputs and outputs of an activity land in its execution record. An input's or
/// output's own mode, else the activity's default, else the workflow's, else Include; <c>Inherit</c> at any level defers
/// to the next. Read from <c>customProperties.logPersistenceMode</c> (<c>{default, inputs:{name: mode}, outputs:{…}}</c>)
/// of the activity and of the workflow (which Elsa also writes as <c>logPersistenceConfig</c>).
/// </summary>
public sealed class LogPersistence
{
    public static readonly LogPersistence IncludeAll = new(true, null, null);

    private readonly bool _default;
    private readonly Dictionary<string, bool>? _inputs;
    private readonly Dictionary<string, bool>? _outputs;

    private LogPersistence(bool @default, Dictionary<string, bool>? inputs, Dictionary<string, bool>? outputs)
    {
        _default = @default;
        _inputs = inputs;
        _outputs = outputs;
    }

    /// <param name="jsonName">The input's camelCase JSON name.</param>
    public bool IncludesInput(string jsonName) => _inputs?.TryGetValue(jsonName, out var included) == true ? included : _default;

    public bool IncludesOutput(string jsonName) => _outputs?.TryGetValue(jsonName, out var included) == true ? included : _default;

    public bool IncludesEverything => _default && _inputs is null && _outputs is null;

    public static LogPersistence For(ActivityNode node, WorkflowDefinition workflow)
    {
        var workflowConfig = Config(workflow.CustomProperties);
        var workflowDefault = Mode(workflowConfig?["default"]) ?? true;
        var activityConfig = Config(node.CustomProperties);
        if (activityConfig is null) return workflowDefault ? IncludeAll : new LogPersistence(false, null, null);
        var activityDefault = Mode(activityConfig["default"]) ?? workflowDefault;
        return new LogPersistence(activityDefault, Modes(JsonLookup.Get(activityConfig, "inputs")), Modes(JsonLookup.Get(activityConfig, "outputs")));
    }

    private static JsonObject? Config(JsonObject properties) =>
        (JsonLookup.Get(properties, "logPersistenceMode") ?? JsonLookup.Get(properties, "logPersistenceConfig")) as JsonObject;

    private static Dictionary<string, bool>? Modes(JsonNode? modes)
    {
        if (modes is not JsonObject map) return null;
        Dictionary<string, bool>? result = null;
        foreach (var (name, value) in map)
            if (Mode(value) is { } included) (result ??= new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase))[name] = included;
        return result;
    }

    /// <summary>Include → true, Exclude → false, Inherit or nothing → <c>null</c>.</summary>
    private static bool? Mode(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var text)
        ? text.ToLowerInvariant() switch { "include" => true, "exclude" => false, _ => null }
        : null;
}
