namespace ElsaM3.M3pp.Errors;

public static class M3ErrorCategoryNames
{
    /// <summary>The category as the integration log, the journal and the messages name it: <c>validation</c>, <c>not_found</c>, …</summary>
    public static string Name(this M3ErrorCategory category) => category switch
    {
        M3ErrorCategory.NotFound => "not_found",
        _ => category.ToString().ToLowerInvariant(),
    };
}
