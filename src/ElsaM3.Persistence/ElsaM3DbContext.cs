using ElsaM3.Persistence.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElsaM3.Persistence;

public sealed class ElsaM3DbContext(DbContextOptions<ElsaM3DbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<WorkflowDefinitionRow> WorkflowDefinitions => Set<WorkflowDefinitionRow>();
    public DbSet<WorkflowInstanceRow> WorkflowInstances => Set<WorkflowInstanceRow>();
    public DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();
    public DbSet<TriggerRow> Triggers => Set<TriggerRow>();
    public DbSet<JournalChunkRow> JournalChunks => Set<JournalChunkRow>();
    public DbSet<ActivityExecutionRow> ActivityExecutions => Set<ActivityExecutionRow>();
    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    public DbSet<SettingRow> Settings => Set<SettingRow>();
    public DbSet<IntegrationLogRow> IntegrationLog => Set<IntegrationLogRow>();
    public DbSet<AuditRow> AuditTrail => Set<AuditRow>();

    /// <summary>ASP.NET Core Data Protection's key ring, shared by the nodes of a PostgreSQL store (one node keeps it in its data folder).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SeenSignatureRow> SeenSignatures => Set<SeenSignatureRow>();

    public DbSet<UserSessionRow> UserSessions => Set<UserSessionRow>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<WorkflowDefinitionRow>(e =>
        {
            e.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
            e.HasIndex(d => new { d.IsLatest, d.Name });
            e.HasIndex(d => new { d.IsPublished, d.DefinitionId });
        });
        model.Entity<WorkflowInstanceRow>(e =>
        {
            e.HasIndex(i => i.CreatedAt);
            e.HasIndex(i => new { i.DefinitionId, i.CreatedAt });
            e.HasIndex(i => new { i.SubStatus, i.CreatedAt });
            e.HasIndex(i => new { i.Status, i.CreatedAt });
            e.HasIndex(i => i.CorrelationId);
            e.HasIndex(i => i.UpdatedAt);
            e.Property(i => i.NodeName).HasMaxLength(ElsaM3.Runtime.Coordination.NodeOptions.MaxNameLength);
        });
        model.Entity<BookmarkRow>(e =>
        {
            e.HasIndex(b => b.Hash);
            e.HasIndex(b => b.WorkflowInstanceId);
            e.HasIndex(b => b.ResumeAt);
            e.Property(b => b.ClaimedBy).HasMaxLength(ElsaM3.Runtime.Coordination.NodeOptions.MaxNameLength);
        });
        model.Entity<TriggerRow>(e =>
        {
            e.HasIndex(t => t.Name);
            e.HasIndex(t => t.Hash);
            e.HasIndex(t => t.WorkflowDefinitionId);
        });
        model.Entity<JournalChunkRow>(e =>
        {
            e.HasIndex(j => new { j.WorkflowInstanceId, j.FirstSequence });
            e.Property(j => j.NodeName).HasMaxLength(ElsaM3.Runtime.Coordination.NodeOptions.MaxNameLength);
        });
        model.Entity<ActivityExecutionRow>(e => e.HasIndex(a => new { a.WorkflowInstanceId, a.ActivityNodeId }));
        model.Entity<IncidentRow>(e => e.HasIndex(i => i.WorkflowInstanceId));
        model.Entity<SettingRow>(e => e.HasKey(s => s.Key));
        model.Entity<SeenSignatureRow>(e =>
        {
            e.HasKey(s => s.Signature);
            e.Property(s => s.Signature).HasMaxLength(64);
            e.HasIndex(s => s.KeepUntil);
        });
        model.Entity<UserSessionRow>(e =>
        {
            e.Property(u => u.Id).HasMaxLength(32);
            e.Property(u => u.CurrentTokenId).HasMaxLength(32);
            e.Property(u => u.UserName).HasMaxLength(256);
            e.Property(u => u.RevokedReason).HasMaxLength(64);
            e.HasIndex(u => u.ExpiresAt);
        });
        model.Entity<IntegrationLogRow>(e =>
        {
            e.ToTable("IntegrationLog");
            e.HasIndex(l => l.Timestamp);
            e.HasIndex(l => new { l.CaseReference, l.Timestamp });
            e.HasIndex(l => new { l.Outcome, l.Timestamp });
            e.Property(l => l.Direction).HasDefaultValue("Out");
            e.HasIndex(l => new { l.Direction, l.Timestamp });
            e.HasIndex(l => l.WorkflowInstanceId);
        });
        model.Entity<AuditRow>(e =>
        {
            e.ToTable("AuditTrail");
            e.HasIndex(a => a.Timestamp);
            e.HasIndex(a => new { a.Actor, a.Timestamp });
            e.HasIndex(a => new { a.Action, a.Timestamp });
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
}
