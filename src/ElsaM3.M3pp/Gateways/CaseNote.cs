namespace ElsaM3.M3pp.Gateways;

/// <summary>A note appended to a CXM case (<c>cxm-case-api.md</c> §4): 1 to <see cref="MaxLength"/> characters.</summary>
public sealed record CaseNote(string Text, NoteVisibility Visibility)
{
    public const int MaxLength = 4000;
}

/// <summary>Who sees a case note: staff only, or the customer too.</summary>
public enum NoteVisibility
{
    Internal,
    Customer,
}
