namespace ElsaM3.Runtime.Instances;

/// <summary>The response header, as Elsa names it, that tells a caller which instance its call started or resumed.</summary>
public static class WorkflowInstanceHeader
{
    public const string Name = "x-elsa-workflow-instance-id";
}
