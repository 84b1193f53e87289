namespace ElsaM3.M3pp.Activities.Changes;

/// <summary>What a watch follows: a worksheet (by reference) or an asset (by key). The feed's <c>kind</c> names them in lower case.</summary>
public enum RecordKind
{
    Worksheet,
    Asset,
}

public static class RecordKindNames
{
    /// <summary>The feed's and the templates' name: <c>worksheet</c> or <c>asset</c>.</summary>
    public static string Name(this RecordKind kind) => kind == RecordKind.Worksheet ? "worksheet" : "asset";

    public static RecordKind? Parse(string? name) => name switch
    {
        "worksheet" => RecordKind.Worksheet,
        "asset" => RecordKind.Asset,
        _ => null,
    };
}
