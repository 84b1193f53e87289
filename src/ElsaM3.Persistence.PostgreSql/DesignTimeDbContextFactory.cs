using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add --project src/ElsaM3.Persistence.PostgreSql</c> build the context for PostgreSQL without a server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ElsaM3DbContext>
{
    public ElsaM3DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ElsaM3DbContext>().UseNpgsql("Host=127.0.0.1;Database=elsam3_design", o => o.MigrationsAssembly(PostgreSqlMigrations.Assembly)).Options);
}
