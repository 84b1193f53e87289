namespace ElsaM3.Persistence.Stores;

/// <summary>How the single writer writes to its database: one provider's statements on its own connection.</summary>
internal interface ICommitStore : IAsyncDisposable
{
    /// <summary>Writes a batch's rows in one transaction.</summary>
    Task WriteAsync(CommitRows rows);

    /// <summary>Deletes instances and everything recorded about them in one transaction; returns how many instances went.</summary>
    Task<int> DeleteInstancesAsync(IReadOnlyCollection<string> ids);
}
