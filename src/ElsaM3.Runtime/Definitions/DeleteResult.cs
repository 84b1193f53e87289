namespace ElsaM3.Runtime.Definitions;

/// <summary>How many definition versions a delete removed and how many waiting instances it cancelled first.</summary>
public sealed record DeleteResult(int DeletedVersions, int CancelledInstances);
