using System.Diagnostics.CodeAnalysis;
using ElsaM3.Runtime.Definitions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElsaM3.Api.WorkflowDefinitions;

/// <summary>The <c>versionOptions</c> parameter of the definition endpoints.</summary>
internal static class VersionOptionsParameter
{
    /// <summary>Parses <paramref name="text"/> (or <paramref name="fallback"/> when it is absent); on failure, the 400 that names the field.</summary>
    public static bool TryParse(string? text, string fallback, out VersionOptions options, [NotNullWhen(false)] out ValidationProblem? error)
    {
        if (VersionOptions.TryParse(text ?? fallback, out options))
        {
            error = null;
            return true;
        }
        error = ApiErrors.Invalid("versionOptions",
            $"'{text}' is not Latest, Published, LatestOrPublished, LatestAndPublished, Draft, AllVersions or a version number.");
        return false;
    }
}
