namespace ElsaM3.Runtime.Instances;

/// <summary>
/// Work an activity asks for once its burst is stored (<c>ActivityContext.AddToCommit</c>): run in the background after the
/// commit, so it sees the instance as committed and never happens for a burst that was not.
/// </summary>
public sealed record AfterCommit(Func<CancellationToken, Task> Work);
