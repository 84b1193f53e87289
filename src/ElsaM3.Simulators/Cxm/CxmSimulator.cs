using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ElsaM3.M3pp.Contracts;
using ElsaM3.Simulators.Storage;
using Microsoft.Extensions.Options;

namespace ElsaM3.Simulators.Cxm;

/// <summary>
/// The CXM case API of <c>cxm-case-api.md</c> §3 and §4: cases are created or replaced with PUT, read with GET and
/// given fields, references, a status and appended notes with PATCH. Every case version is journalled to the data folder.
/// </summary>
public sealed partial class CxmSimulator : IDisposable
{
    private const int MaxValueLength = 4000;
    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal) { "submitted", "in-progress", "awaiting-information", "closed" };
    public static readonly IReadOnlySet<string> NoteVisibilities = new HashSet<string>(StringComparer.Ordinal) { "internal", "customer" };
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, JsonObject> _cases = new(StringComparer.Ordinal);
    private readonly JsonLinesJournal _journal;

    public CxmSimulator(IOptions<SimulatorOptions> options, TimeProvider time)
    {
        _time = time;
        var directory = options.Value.DataDirectory;
        _journal = new JsonLinesJournal(directory is null ? null : Path.Combine(directory, "simulators", "cxm.jsonl"));
        foreach (var record in _journal.ReadAll())
            if (record["reference"]?.GetValue<string>() is { } reference) _cases[reference] = record;
        if (_cases.Count == 0) Seed();
    }

    /// <summary>A fresh simulator holds the worked-example cases, so a sample workflow can write back to them at once.</summary>
    private void Seed()
    {
        var assembly = typeof(CxmSimulator).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("ElsaM3.Simulators.SeedCases.", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            if (JsonNode.Parse(stream) is JsonObject @case && @case["reference"]?.GetValue<string>() is { } reference) Put(reference, @case);
        }
    }

    public JsonObject? Find(string reference)
    {
        lock (_gate) return _cases.GetValueOrDefault(reference)?.DeepClone().AsObject();
    }

    public IReadOnlyList<JsonObject> All
    {
        get { lock (_gate) return _cases.Values.Select(c => c.DeepClone().AsObject()).ToList(); }
    }

    /// <summary>Creates or replaces a case; the reference in the path wins over one in the body.</summary>
    public IReadOnlyList<ErrorItem> Put(string reference, JsonObject body)
    {
        if (!ReferencePattern().IsMatch(reference))
            return [new ErrorItem("INVALID_VALUE", "reference", "A case reference is 1-50 of A-Z, a-z, 0-9, '/', '_' and '-'.")];
        body["reference"] = reference;
        body["fields"] ??= new JsonObject();
        body["references"] ??= new JsonObject();
        lock (_gate) Save(body);
        return [];
    }

    /// <summary>Sets fields and references; all or nothing. <c>null</c> when the case does not exist.</summary>
    public (JsonObject? Case, IReadOnlyList<ErrorItem> Errors) Patch(string reference, JsonObject patch)
    {
        lock (_gate)
        {
            if (!_cases.TryGetValue(reference, out var current)) return (null, []);
            var errors = new List<ErrorItem>();
            var fields = patch["fields"] as JsonObject;
            var references = patch["references"] as JsonObject;
            if (patch["fields"] is not (null or JsonObject)) errors.Add(new ErrorItem("INVALID_VALUE", "fields", "fields must be an object."));
            if (patch["references"] is not (null or JsonObject)) errors.Add(new ErrorItem("INVALID_VALUE", "references", "references must be an object."));
            foreach (var (name, value) in fields ?? [])
            {
                if (!IdentifierPattern().IsMatch(name)) errors.Add(new ErrorItem("UNKNOWN_FIELD", $"fields.{name}", $"'{name}' is not a case field identifier."));
                else if (value is JsonObject or JsonArray) errors.Add(new ErrorItem("INVALID_VALUE", $"fields.{name}", $"Field '{name}' must be a text, number or true/false value."));
                else if (value?.ToString() is { Length: > MaxValueLength }) errors.Add(new ErrorItem("INVALID_VALUE", $"fields.{name}", $"Field '{name}' is longer than {MaxValueLength} characters."));
            }
            foreach (var (name, value) in references ?? [])
            {
                if (!IdentifierPattern().IsMatch(name)) errors.Add(new ErrorItem("UNKNOWN_REFERENCE", $"references.{name}", $"'{name}' is not a Reference name."));
                else if (value is not null && (value is not JsonValue v || !v.TryGetValue<string>(out var text) || text.Length > 50))
                    errors.Add(new ErrorItem("INVALID_VALUE", $"references.{name}", $"Reference '{name}' must be text of at most 50 characters."));
            }
            var status = patch["status"];
            if (status is not null && (status is not JsonValue sv || !sv.TryGetValue<string>(out var statusText) || !Statuses.Contains(statusText)))
                errors.Add(new ErrorItem("INVALID_STATUS", "status", $"The status must be one of {string.Join(", ", Statuses)}."));
            var notes = patch["notes"];
            if (notes is not (null or JsonArray)) errors.Add(new ErrorItem("INVALID_VALUE", "notes", "notes must be a list."));
            var newNotes = notes as JsonArray ?? [];
            for (var i = 0; i < newNotes.Count; i++)
            {
                var note = newNotes[i] as JsonObject;
                var text = note?["text"] is JsonValue t && t.TryGetValue<string>(out var noteText) ? noteText : null;
                if (string.IsNullOrWhiteSpace(text) || text.Length > MaxValueLength)
                    errors.Add(new ErrorItem("INVALID_VALUE", $"notes[{i}].text", $"A note's text is 1 to {MaxValueLength} characters."));
                var visibility = note?["visibility"] is JsonValue v && v.TryGetValue<string>(out var visibilityText) ? visibilityText : null;
                if (visibility is null || !NoteVisibilities.Contains(visibility))
                    errors.Add(new ErrorItem("INVALID_VALUE", $"notes[{i}].visibility", "A note's visibility is internal or customer."));
            }
            if (errors.Count > 0) return (current.DeepClone().AsObject(), errors);

            var updated = current.DeepClone().AsObject();
            var targetFields = updated["fields"] as JsonObject ?? (JsonObject)(updated["fields"] = new JsonObject());
            foreach (var (name, value) in fields ?? []) targetFields[name] = value?.DeepClone();
            var targetReferences = updated["references"] as JsonObject ?? (JsonObject)(updated["references"] = new JsonObject());
            foreach (var (name, value) in references ?? []) targetReferences[name] = value?.DeepClone();
            if (status is not null) updated["status"] = status.DeepClone();
            if (newNotes.Count > 0)
            {
                var targetNotes = updated["notes"] as JsonArray ?? (JsonArray)(updated["notes"] = new JsonArray());
                foreach (var note in newNotes)
                    targetNotes.Add(new JsonObject
                    {
                        ["id"] = $"n{targetNotes.Count + 1}",
                        ["text"] = note!["text"]!.DeepClone(),
                        ["visibility"] = note["visibility"]!.DeepClone(),
                        ["createdAt"] = _time.GetUtcNow(),
                    });
            }
            Save(updated);
            return (updated.DeepClone().AsObject(), []);
        }
    }

    private void Save(JsonObject @case)
    {
        _cases[@case["reference"]!.GetValue<string>()] = @case;
        _journal.Append(@case.DeepClone().AsObject());
    }

    public void Dispose() => _journal.Dispose();

    [GeneratedRegex("^[A-Za-z0-9/_-]{1,50}$")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,49}$")]
    private static partial Regex IdentifierPattern();
}
