using ElsaM3.M3pp.Activities.Templates;
using ElsaM3.M3pp.Formats;
using F = ElsaM3.M3pp.Activities.Templates.M3TemplateFunctions.M3Formats;

namespace ElsaM3.M3pp.Tests.Formats;

public sealed class M3FormatTests
{
    [Theory]
    [InlineData("2025-03-14T22:47:00+00:00", "2025-03-14T22:47:00+00:00")]
    [InlineData("2025-03-14T22:47:00Z", "2025-03-14T22:47:00+00:00")]
    [InlineData("2025-07-01T09:00:00", "2025-07-01T09:00:00+01:00")]
    [InlineData("2025-07-01T08:00:00Z", "2025-07-01T09:00:00+01:00")]
    [InlineData("2025-01-10 14:30", "2025-01-10T14:30:00+00:00")]
    public void Datetime_gives_London_time_with_its_offset(string value, string expected) => F.Datetime(value).ShouldBe(expected);

    [Fact]
    public void A_local_time_skipped_by_the_spring_clock_change_is_an_error()
    {
        M3DateTime.TryParse("2025-03-30T01:30", out _, out var error).ShouldBeFalse();
        error.ShouldBe("'2025-03-30T01:30' does not exist in Europe/London (the clocks go forward)");
        Should.Throw<FormatException>(() => F.Datetime("not a date")).Message.ShouldContain("is not an ISO 8601 date-time");
    }

    [Theory]
    [InlineData("2025-04-02", "2025-04-02")]
    [InlineData("2025-06-30T23:30:00Z", "2025-07-01")]
    public void Date_gives_the_London_calendar_date(string value, string expected) => F.Date(value).ShouldBe(expected);

    [Theory]
    [InlineData(true, "Y")]
    [InlineData(false, "N")]
    [InlineData("yes", "Y")]
    [InlineData("N", "N")]
    [InlineData("", "N")]
    public void Yn_converts_CXM_booleans_to_M3s_Y_and_N(object value, string expected) => F.Yn(value).ShouldBe(expected);

    [Fact]
    public void Yn_refuses_a_value_that_is_not_yes_or_no() =>
        Should.Throw<FormatException>(() => F.Yn("perhaps")).Message.ShouldBe("m3.yn: 'perhaps' is not a yes/no value.");

    [Theory]
    [InlineData("000000199356", "199356")]
    [InlineData(" 100091234567 ", "100091234567")]
    public void Uprn_gives_the_canonical_form(string value, string expected) => F.Uprn(value).ShouldBe(expected);

    [Fact]
    public void Uprn_refuses_a_malformed_value() => Should.Throw<FormatException>(() => F.Uprn("12AB")).Message.ShouldBe("m3.uprn: UPRN '12AB' is not all digits.");

    [Fact]
    public void The_helpers_render_inside_a_template()
    {
        var root = new Scriban.Runtime.ScriptObject();
        new M3TemplateFunctions().Import(root);
        root["fields"] = new Scriban.Runtime.ScriptObject { ["ongoing"] = true };
        var context = new Scriban.TemplateContext();
        context.PushGlobal(root);
        Scriban.Template.Parse("{{ fields.ongoing | m3.yn }}/{{ '2025-03-14T22:47' | m3.datetime }}/{{ '0012' | m3.uprn }}").Render(context)
            .ShouldBe("Y/2025-03-14T22:47:00+00:00/12");
    }
}
