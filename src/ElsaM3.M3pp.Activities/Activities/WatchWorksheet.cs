using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.M3pp.Activities.Integration;
using ElsaM3.M3pp.Identifiers;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>Waits until an officer's change to the worksheet in a case Reference meets a condition (allocated, closed, …).</summary>
[Activity(M3ppCategory.Namespace, M3ppCategory.Name, "Wait until the Worksheet stored in a Reference changes in M3PP/Assure and a condition holds, e.g. worksheet.status == \"CLOSED\"; outcomes Changed, Deleted, TimedOut.", DisplayName = "Watch Worksheet")]
public sealed class WatchWorksheet(M3ppServices services) : WatchActivity<WorksheetReference>(services)
{
    protected override RecordKind Kind => RecordKind.Worksheet;
}
