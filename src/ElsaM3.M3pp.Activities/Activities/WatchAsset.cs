using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Waits until the asset in a case Reference changes in M3 (its attributes, its status) and a condition holds.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Wait until the Asset stored in a Reference changes in M3PP/Assure and a condition holds, e.g. asset.status == \"REMOVED\"; outcomes Changed, Deleted, TimedOut.", DisplayName = "Watch Asset")]
public sealed class WatchAsset(M3ppServices services) : WatchActivity<AssetKey>(services)
{
    protected override RecordKind Kind => RecordKind.Asset;
}
