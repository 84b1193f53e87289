namespace ElsaM3.Api.Tests;

/// <summary>Studio's Test tab body: which definition version, and which activity in it.</summary>
public sealed record TestActivityRequest(WorkflowDefinitionHandle? WorkflowDefinitionHandle, ActivityHandle? ActivityHandle);

public sealed record WorkflowDefinitionHandle(string? DefinitionId, string? VersionOptions, string? DefinitionVersionId);

public sealed record ActivityHandle(string? ActivityId, string? ActivityNodeId, string? ActivityInstanceId, string? ActivityHash);
