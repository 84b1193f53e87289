using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Runtime.Definitions;

/// <summary>The version a save or publish produced.</summary>
public sealed record SaveResult(WorkflowDefinition Definition, bool AlreadyPublished);
