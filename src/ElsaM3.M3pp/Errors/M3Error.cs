namespace ElsaM3.M3pp.Errors;

/// <summary>A failed call: its category, HTTP status (when there was an answer) and every message M3 gave.</summary>
public sealed record M3Error(M3ErrorCategory Category, int? HttpStatus, IReadOnlyList<M3ErrorDetail> Details)
{
    /// <summary>How long M3 asked us to wait (429 Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For a <c>DUPLICATE_WORKSHEET</c> conflict: the reference of the worksheet that already exists.</summary>
    public string? ExistingReference { get; init; }

    public bool IsRetryable => Category == M3ErrorCategory.Transient;

    /// <summary>The change feed's <c>410 CURSOR_EXPIRED</c>: the cursor is older than the feed keeps; poll, then start again from the newest.</summary>
    public bool IsCursorExpired => HttpStatus == 410 || Details.Any(d => d.Code == "CURSOR_EXPIRED");

    public string Message => string.Join("; ", Details.Select(d => d.ToString()));
}

/// <summary>One problem: M3's code, the field it concerns, and the human message.</summary>
public sealed record M3ErrorDetail(string Code, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Code} ({Field}): {Message}";
}
