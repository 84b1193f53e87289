using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Scheduling;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Scheduling;

/// <summary>Due times of Timer, Cron and StartAt, and the three waiting in a flow.</summary>
public sealed class ScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private readonly WorkflowTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("0 0 2 * * *", "2026-11-30T02:00:00+00:00")] // Elsa's six fields, with seconds
    [InlineData("30 2 * * *", "2026-11-30T02:30:00+00:00")]  // the usual five
    [InlineData("0 0 9 * * MON", "2026-11-30T09:00:00+00:00")]
    public void A_cron_expression_falls_due_at_its_next_occurrence_in_UTC(string expression, string due) =>
        Schedule.Cron.Parse(expression).NextAfter(Monday).ShouldBe(DateTimeOffset.Parse(due));

    [Fact]
    public void A_cron_expression_that_does_not_parse_names_itself() =>
        Should.Throw<InvalidOperationException>(() => Schedule.Cron.Parse("nightly")).Message.ShouldStartWith("'nightly' is not a cron expression");

    [Fact]
    public void A_timer_recurs_every_interval_and_StartAt_once()
    {
        new Schedule.Every(TimeSpan.FromMinutes(15)).NextAfter(Monday).ShouldBe(Monday.AddMinutes(15));
        new Schedule.Once(Monday.AddDays(1)).NextAfter(Monday).ShouldBe(Monday.AddDays(1));
        new Schedule.Once(Monday.AddDays(-1)).NextAfter(Monday).ShouldBeNull();
    }

    [Theory]
    [InlineData("Elsa.Timer", "interval", "00:10:00", 10)]
    [InlineData("Elsa.Cron", "cronExpression", "0 0 * * * *", 60)]
    [InlineData("Elsa.StartAt", "dateTime", "2026-03-14T12:00:00+00:00", 180)]
    public async Task In_a_flow_each_waits_durably_until_its_due_time(string type, string input, string value, int minutes)
    {
        var graph = _host.Compile(new Flow().Add("wait", type, (input, Flow.Literal(value))).Record("after").Chain("wait", "after").Json());

        var result = await _host.StartAsync(graph);

        result.SubStatus.ShouldBe(WorkflowSubStatus.Suspended);
        result.State.Bookmarks.Single().ResumeAt.ShouldBe(_host.Time.GetUtcNow().AddMinutes(minutes)); // the host's clock: 09:00
        var resumed = await _host.Runner.ResumeAsync(graph, result.State, result.State.Bookmarks.Single().Id);
        resumed.SubStatus.ShouldBe(WorkflowSubStatus.Finished);
        _host.Trace.Entries.ShouldBe(["after"]);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.5")]
    public async Task A_timer_shorter_than_a_second_faults_naming_the_interval(string interval)
    {
        var result = await _host.StartAsync(_host.Compile(new Flow().Add("t", "Elsa.Timer", ("interval", Flow.Literal(interval))).Json()));

        result.State.Incidents.Single().Message.ShouldStartWith("Timer: the interval must be at least 00:00:01");
    }
}
