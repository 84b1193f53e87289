using System.Text.Json.Nodes;

namespace ElsaM3.M3pp.Contracts;

/// <summary><c>GET /changes</c> (§6.10): worksheet and asset changes in commit order, and the cursor to ask after next.</summary>
public sealed record ChangePage(List<ChangeItem> Items, string? Next);

/// <summary>
/// One change: <see cref="Kind"/> <c>worksheet</c> (<see cref="Reference"/> a worksheet reference) or <c>asset</c> (an
/// asset key); <see cref="Change"/> <c>created</c>, <c>updated</c> or <c>deleted</c> (then <see cref="Current"/> is null).
/// </summary>
public sealed record ChangeItem(string Cursor, string Kind, string Reference, string ChangedAt, string Change,
    Dictionary<string, FieldChange>? Fields, JsonNode? Current);

public sealed record FieldChange(JsonNode? From, JsonNode? To);

/// <summary>The simulator's officer control for a worksheet (§6.10): any of these, as an M3 officer would change them.</summary>
public sealed record WorksheetOfficerChange(string? Status, string? Officer, string? TargetDate, string? ClosureReason, string? ClosureNote,
    WorksheetActionInput? Action);

public sealed record WorksheetActionInput(string? Code, string? Description);

/// <summary>The simulator's officer control for an asset's attributes.</summary>
public sealed record AssetOfficerChange(List<AttributeValue>? Attributes);
