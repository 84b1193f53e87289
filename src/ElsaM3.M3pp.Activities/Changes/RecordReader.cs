using System.Text.Json.Nodes;
using ElsaM3.M3pp.Errors;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>Reads a watched worksheet or asset as it is now, in its snapshot form (a watch's first look, and polling).</summary>
public static class RecordReader
{
    /// <summary>The record, or why it could not be read (<see cref="M3ErrorCategory.NotFound"/>: M3 no longer has it).</summary>
    public static async Task<(JsonObject? Record, M3Error? Error)> ReadAsync(this IM3ppGateway m3, WatchedRecord record, CancellationToken cancellationToken)
    {
        string? problem = null;
        if (record.Kind == RecordKind.Worksheet && PatternIdentifier.TryParse<WorksheetReference>(record.Reference, out var reference, out problem))
        {
            var found = await m3.FindWorksheetAsync(reference.Value, cancellationToken);
            return found.IsSuccess ? (RecordSnapshot.Of(found.Value), null) : (null, found.Error);
        }
        if (record.Kind == RecordKind.Asset && PatternIdentifier.TryParse<AssetKey>(record.Reference, out var key, out problem))
        {
            var found = await m3.GetAssetAsync(key.Value, cancellationToken);
            return found.IsSuccess ? (RecordSnapshot.Of(found.Value), null) : (null, found.Error);
        }
        return (null, new M3Error(M3ErrorCategory.Validation, null, [new M3ErrorDetail("INVALID_REFERENCE", "reference", $"{record}: {problem}")]));
    }
}
