using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ElsaM3.Server.Tests.M3pp;

/// <summary>
/// M3 and CXM calls are recorded in the integration log and the journal; the HTTP client's own per-call log lines
/// (URLs carry case data) are not written, even with that category at Trace.
/// </summary>
public sealed class GatewayLoggingTests
{
    [Fact]
    public async Task A_case_through_M3_and_back_leaves_no_HttpClient_log_lines()
    {
        var lines = new HttpClientLines();
        await using var kit = await M3ppKit.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace" },
            services: s => s.AddSingleton<ILoggerProvider>(lines));

        await kit.WaitForAsync(await kit.SendCaseAsync("noise-complaint", M3ppKit.SampleCase("noise-complaint")));

        (await kit.WorksheetsForAsync("101004567890")).Count.ShouldBe(1);
        lines.Written.ShouldBeEmpty();
    }

    private sealed class HttpClientLines : ILoggerProvider
    {
        public ConcurrentQueue<string> Written { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Lines(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Lines(HttpClientLines owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) owner.Written.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
