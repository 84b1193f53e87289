using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ElsaM3.Audit;

/// <summary>
/// Records what the caller of a request did: the actor comes from the signed-in user or application, the address
/// from the connection. A failure to record is logged and never fails the action it describes.
/// </summary>
public sealed partial class AuditRecorder(IAuditTrail trail, TimeProvider clock, ILogger<AuditRecorder> logger)
{
    private readonly ConcurrentDictionary<string, DateOnly> _lastDailyEntry = new(StringComparer.Ordinal);

    /// <summary>
    /// Records <paramref name="action"/> by the request's caller, or by <paramref name="actor"/>: the name a failed sign-in
    /// tried (anonymous), or with <paramref name="actorKind"/> the user who just signed in or out.
    /// </summary>
    public Task RecordAsync(HttpContext http, AuditAction action, string? target = null, string? detail = null, string? actor = null,
        ActorKind actorKind = ActorKind.Anonymous) =>
        RecordAsync(http, action, actor is null ? ActorOf(http.User) : (actor, actorKind), target, detail);

    private async Task RecordAsync(HttpContext http, AuditAction action, (string Name, ActorKind Kind) actor, string? target, string? detail)
    {
        var (name, kind) = actor;
        var entry = new AuditEntry
        {
            Id = Guid.NewGuid().ToString("N"),
            Timestamp = clock.GetUtcNow(),
            Actor = name,
            ActorKind = kind,
            Action = action,
            Target = target,
            ClientAddress = http.Connection.RemoteIpAddress?.ToString(),
            Detail = detail,
        };
        try
        {
            await trail.RecordAsync(entry, CancellationToken.None);
        }
        catch (Exception e)
        {
            LogNotRecorded(logger, e, action, name);
        }
    }

    /// <summary>Records the action at most once per actor and UTC day (application key use), so a busy system adds one row a day.</summary>
    public Task RecordDailyAsync(HttpContext http, ClaimsPrincipal actor, AuditAction action)
    {
        var (name, kind) = ActorOf(actor);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var key = $"{action}:{name}";
        if (_lastDailyEntry.TryGetValue(key, out var last) && last == today) return Task.CompletedTask;
        _lastDailyEntry[key] = today;
        return RecordAsync(http, action, (name, kind), null, null);
    }

    public static (string Name, ActorKind Kind) ActorOf(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { } name }
            ? (name, user.IsInRole("application") ? ActorKind.Application : ActorKind.User)
            : ("anonymous", ActorKind.Anonymous);

    [LoggerMessage(LogLevel.Error, "The audit trail could not record {Action} by {Actor}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, AuditAction action, string actor);
}
