using System.Net;
using ElsaM3.Server.Tests.M3pp;

namespace ElsaM3.Server.Tests.Health;

public sealed class MetricsTests
{
    [Fact]
    public async Task Prometheus_scrapes_cases_M3_attempts_timers_and_commits_and_only_with_a_credential()
    {
        await using var kit = await M3ppKit.StartAsync();
        await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint")));

        (await kit.App.CreateClient().GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await kit.App.CreateAnalystClientAsync()).GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var scrape = "";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        // The exporter caches a scrape briefly: ask until the case's own figures are in it.
        while (!scrape.Contains("elsam3_m3_calls") && DateTime.UtcNow < deadline)
        {
            var response = await kit.Admin.GetAsync("/metrics");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            scrape = await response.Content.ReadAsStringAsync();
            if (!scrape.Contains("elsam3_m3_calls")) await Task.Delay(200);
        }

        scrape.ShouldContain("elsam3_cases_accepted_total{otel_scope_name=\"ElsaM3.Cases\",case_type=\"noise-nuisance\"}");
        scrape.ShouldContain("elsam3_m3_calls_total{");
        scrape.ShouldContain("operation=\"CreateWorksheet\"");
        scrape.ShouldContain("outcome=\"Success\"");
        scrape.ShouldContain("elsam3_commit_batch_size");
        scrape.ShouldContain("elsam3_timers_due");
        scrape.ShouldContain("elsam3_workflow_bursts_total");
    }
}
