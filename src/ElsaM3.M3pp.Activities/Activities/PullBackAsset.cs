using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Pulls data from the new asset back onto the case.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Read the Asset stored in a Reference back from M3PP/Assure and store mapped values (templates over 'asset') in case fields.", DisplayName = "Pull Back Asset")]
public sealed class PullBackAsset(M3ppServices services) : PullBackActivity<AssetKey>(services)
{
    protected override string Operation => "PullBackAsset";
    protected override string RecordName => "asset";

    protected override async Task<(object? Record, CallResult.Failed? Failure)> ReadAsync(AssetKey key, string stage, CancellationToken cancellationToken)
    {
        var found = await Services.M3.GetAssetAsync(key, cancellationToken);
        return found.IsSuccess ? (found.Value, null) : (null, Failure(found, stage));
    }
}
