namespace ElsaM3.M3pp.Errors;

/// <summary>Why an M3 (or CXM) call failed; only <see cref="Transient"/> failures are retried.</summary>
public enum M3ErrorCategory
{
    /// <summary>400/422: a mapping value M3 refused. Never retried.</summary>
    Validation,

    /// <summary>404 on a read. Never retried.</summary>
    NotFound,

    /// <summary>409: a duplicate or a reused idempotency key. Never retried.</summary>
    Conflict,

    /// <summary>401/403: wrong API key or permissions — a configuration error. Never retried.</summary>
    Authentication,

    /// <summary>408, 429, 5xx, timeouts, refused or reset connections. Retried with backoff.</summary>
    Transient,
}
