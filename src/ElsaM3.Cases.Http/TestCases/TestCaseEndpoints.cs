using System.Security.Claims;
using System.Text.Json;
using ElsaM3.Workflows.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ElsaM3.Cases.Http.TestCases;

/// <summary>
/// <c>/test-cases</c>: the sample cases and the one the caller tests with; <c>PUT /test-cases/current</c> chooses a
/// sample by name or takes a pasted case (checked like a posted one: 400 naming the field).
/// </summary>
public static class TestCaseEndpoints
{
    public static RouteGroupBuilder MapTestCases(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/test-cases");
        group.MapGet("", async (ClaimsPrincipal user, TestCaseCatalog cases, CancellationToken ct) => TypedResults.Ok(new
        {
            current = Describe(await cases.CurrentAsync(user, ct), withCase: true),
            samples = (await cases.SamplesAsync(ct)).Select(s => Describe(s, withCase: false)).ToList(),
        }));
        group.MapPut("/current", Choose);
        return group;
    }

    private static async Task<Results<Ok<object>, ValidationProblem>> Choose(TestCaseChoice? choice, ClaimsPrincipal user, TestCaseCatalog cases,
        Microsoft.Extensions.Options.IOptions<TestCaseOptions> options, CancellationToken ct)
    {
        if (choice is null || (choice.Sample is null) == (choice.Case is null))
            return Invalid("sample", "give either 'sample' (the name of a sample case) or 'case' (a pasted case), not both.");
        TestCase chosen;
        if (choice.Sample is { } name)
        {
            if ((await cases.SamplesAsync(ct)).FirstOrDefault(s => s.Name == name) is not { } sample)
                return Invalid("sample", $"there is no sample case '{name}'.");
            chosen = sample;
        }
        else
        {
            var limit = options.Value.MaxPastedBytes;
            if (System.Text.Encoding.UTF8.GetByteCount(choice.Case!.Value.GetRawText()) > limit)
                return Invalid("case", $"is larger than {limit / 1024} KiB ({TestCaseOptions.Section}:MaxPastedBytes); paste the fields the workflow reads.");
            var pasted = WorkflowJson.ToPlain(choice.Case!.Value);
            if (CaseCheck.Problems(pasted) is { Count: > 0 } problems) return Invalid("case", string.Join(" ", problems));
            chosen = new TestCase(TestCase.PastedName, (IDictionary<string, object?>)pasted!);
        }
        cases.Choose(user, chosen);
        return TypedResults.Ok(Describe(chosen, withCase: true)!);
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static object? Describe(TestCase? testCase, bool withCase) => testCase is null ? null : withCase
        ? new { name = testCase.Name, reference = testCase.Reference, caseType = testCase.CaseType, @case = testCase.Case }
        : new { name = testCase.Name, reference = testCase.Reference, caseType = testCase.CaseType };
}

/// <summary>The body of <c>PUT /test-cases/current</c>.</summary>
public sealed record TestCaseChoice(string? Sample, JsonElement? Case);
