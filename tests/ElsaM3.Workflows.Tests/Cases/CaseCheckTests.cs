using System.Text.Json;
using ElsaM3.Cases;
using ElsaM3.Workflows.Serialization;

namespace ElsaM3.Workflows.Tests.Cases;

public sealed class CaseCheckTests
{
    private static IReadOnlyList<string> Check(string json) => CaseCheck.Problems(WorkflowJson.ToPlain(JsonSerializer.Deserialize<JsonElement>(json)));

    [Fact]
    public void The_specs_example_case_has_no_problems()
    {
        var example = File.ReadAllText(Path.Combine(Root(), "workflows", "cases", "noise-complaint.json"));
        Check(example).ShouldBeEmpty();
        Check("""{"reference":"C/1_a-2"}""").ShouldBeEmpty();
        Check("""{"reference":"C1","dates":{"created":"2025-03-14","received":"2025-03-14T22:47:00","at":"2025-03-14T22:47:00Z"},"person":null}""").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("""{"reference":""}""", "reference: is required")]
    [InlineData("""{"reference":12}""", "reference: must be a string.")]
    [InlineData("""{"reference":"C1","caseType":5}""", "caseType: must be a string.")]
    [InlineData("""{"reference":"C1","dates":{"created":"yesterday"}}""", "dates.created: 'yesterday' is not an ISO 8601 date-time")]
    [InlineData("""{"reference":"C1","dates":{"created":"2025-13-45"}}""", "dates.created: '2025-13-45' is not an ISO 8601 date-time")]
    [InlineData("""{"reference":"C1","fields":{"a":{"label":"no value"}}}""", "fields.a: must be a string, number, true/false or a choice")]
    [InlineData("""{"reference":"C1","references":{"m3-worksheet":7}}""", "references.m3-worksheet: must be a string or null.")]
    [InlineData("""{"reference":"C1","person":[]}""", "person: must be a JSON object.")]
    [InlineData("\"text\"", "the body must be a JSON object")]
    public void Each_problem_names_its_field(string json, string problem) =>
        Check(json).ShouldHaveSingleItem().ShouldStartWith(problem);

    [Fact]
    public void Many_problems_are_listed_up_to_ten_and_counted()
    {
        var fields = string.Join(",", Enumerable.Range(0, 15).Select(i => $"\"f{i}\":[1]"));
        var problems = Check("{\"reference\":\"C1\",\"fields\":{" + fields + "}}");
        problems.Count.ShouldBe(11);
        problems[^1].ShouldBe("... and 5 more.");
    }

    private static string Root()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "ElsaM3.sln"))) directory = Path.GetDirectoryName(directory)!;
        return directory;
    }
}
