using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ElsaM3.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the server.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ElsaM3DbContext>
{
    public ElsaM3DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ElsaM3DbContext>().UseSqlite("Data Source=design.db").Options);
}
