using ElsaM3.Workflows.Activities;

namespace ElsaM3.M3pp.Activities.Activities;

/// <summary>The inputs of both pull-backs.</summary>
public sealed class PullBackInput
{
    [Input(Description = "Mandatory. The Reference (e.g. m3-worksheet) set by the create whose record is read back.", Order = 1)]
    public string? Reference { get; set; }

    [Input(Description = "Case field → template over the record read back, e.g. {\"m3-target-date\": \"{{ worksheet.targetDate }}\", \"m3-officer\": \"{{ worksheet.officer.name }}\"}.", UIHint = "json-editor", Order = 2)]
    public Dictionary<string, string>? Mappings { get; set; }
}
