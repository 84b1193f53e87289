using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Pulls data from the new worksheet back onto the case.</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Read the Worksheet stored in a Reference back from M3PP/Assure and store mapped values (templates over 'worksheet') in case fields.", DisplayName = "Pull Back Worksheet")]
public sealed class PullBackWorksheet(M3ppServices services) : PullBackActivity<WorksheetReference>(services)
{
    protected override string Operation => "PullBackWorksheet";
    protected override string RecordName => "worksheet";

    protected override async Task<(object? Record, CallResult.Failed? Failure)> ReadAsync(WorksheetReference key, string stage, CancellationToken cancellationToken)
    {
        var found = await Services.M3.FindWorksheetAsync(key, cancellationToken);
        return found.IsSuccess ? (found.Value, null) : (null, Failure(found, stage));
    }
}
