using System.Text.Json;
using ElsaM3.Runtime.IntegrationLog;
using ElsaM3.Runtime.Stores;
using Microsoft.EntityFrameworkCore;

namespace ElsaM3.Persistence.Stores;

/// <summary>The integration log in the <c>IntegrationLog</c> table.</summary>
internal sealed class EfIntegrationLog(IDbContextFactory<ElsaM3DbContext> factory, CommitWriter writer) : IIntegrationLog
{
    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int max, CancellationToken cancellationToken) => writer.WriteExclusiveAsync(async ct =>
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var oldest = db.IntegrationLog.Where(r => r.Timestamp < cutoff).OrderBy(r => r.Timestamp).Take(max).Select(r => r.Id);
        return await db.IntegrationLog.Where(r => oldest.Contains(r.Id)).ExecuteDeleteAsync(ct);
    }, cancellationToken);

    public async Task<Page<IntegrationLogEntry>> QueryAsync(IntegrationLogQuery query, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.IntegrationLog.AsNoTracking();
        if (query.CaseReference is { } caseReference) rows = rows.Where(r => r.CaseReference == caseReference);
        if (query.Outcome is { } outcome) rows = rows.Where(r => r.Outcome == outcome.ToString());
        if (query.Direction is { } direction) rows = rows.Where(r => r.Direction == direction.ToString());
        if (query.Operation is { } operation) rows = rows.Where(r => r.Operation == operation);
        if (query.WorkflowInstanceId is { } instanceId) rows = rows.Where(r => r.WorkflowInstanceId == instanceId);
        if (query.From is { } from) rows = rows.Where(r => r.Timestamp >= from);
        if (query.To is { } to) rows = rows.Where(r => r.Timestamp <= to);
        var total = await rows.LongCountAsync(cancellationToken);
        var page = await rows.OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Page<IntegrationLogEntry>(page.Select(r => new IntegrationLogEntry
        {
            Id = r.Id, Timestamp = r.Timestamp, CaseReference = r.CaseReference, CaseType = r.CaseType,
            WorkflowDefinitionId = r.WorkflowDefinitionId, WorkflowInstanceId = r.WorkflowInstanceId,
            ActivityId = r.ActivityId, ActivityName = r.ActivityName, Operation = r.Operation,
            Outcome = Enum.Parse<IntegrationOutcome>(r.Outcome), Direction = Enum.Parse<IntegrationDirection>(r.Direction),
            Attempts = r.Attempts, ExternalReference = r.ExternalReference,
            HttpStatus = r.HttpStatus, ErrorCategory = r.ErrorCategory, Messages = JsonSerializer.Deserialize<string[]>(r.Messages) ?? [],
            DurationMs = r.DurationMs, CorrelationId = r.CorrelationId,
        }).ToList(), total);
    }
}
