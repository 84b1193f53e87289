using ElsaM3.Persistence;
using ElsaM3.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ElsaM3.Server.Tests.Health;

/// <summary>The suites run on the store this run asked for (<c>ELSAM3_TEST_STORE</c>), so a pass on PostgreSQL is one.</summary>
public sealed class TestStoreTests
{
    [Fact]
    public async Task Test_servers_use_the_store_of_this_run_and_it_is_ready()
    {
        await using var app = new ElsaM3Application();
        (await app.CreateClient().GetAsync("/health/ready")).IsSuccessStatusCode.ShouldBeTrue();
        app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider
            .ShouldBe(TestStore.OnPostgreSql ? StorageProvider.PostgreSql : StorageProvider.Sqlite);
    }
}
