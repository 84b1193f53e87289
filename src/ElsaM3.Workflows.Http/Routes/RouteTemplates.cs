using Microsoft.AspNetCore.Routing.Template;

namespace ElsaM3.Workflows.Http.Routes;

/// <summary>Parsing HTTP Endpoint paths as route templates, and whether two of them can match the same request path.</summary>
public static class RouteTemplates
{
    /// <summary>The parsed template, or the reason it cannot be one.</summary>
    public static RouteTemplate? TryParse(string path, out string? error)
    {
        try
        {
            error = null;
            return TemplateParser.Parse(path.TrimStart('/'));
        }
        catch (ArgumentException e)
        {
            error = e.Message.Split(Environment.NewLine)[0];
            return null;
        }
    }

    /// <summary>
    /// Whether some request path matches both: segment by segment, a literal meets an equal literal or a parameter,
    /// a parameter meets anything, a catch-all the rest; optional parameters may be absent.
    /// </summary>
    public static bool Overlap(RouteTemplate a, RouteTemplate b) => Overlap(a.Segments, 0, b.Segments, 0);

    private static bool Overlap(IList<TemplateSegment> a, int i, IList<TemplateSegment> b, int j)
    {
        if (i == a.Count && j == b.Count) return true;
        if (i < a.Count && IsCatchAll(a[i]) || j < b.Count && IsCatchAll(b[j])) return true;
        if (i < a.Count && IsOptional(a[i]) && Overlap(a, i + 1, b, j)) return true;
        if (j < b.Count && IsOptional(b[j]) && Overlap(a, i, b, j + 1)) return true;
        if (i == a.Count || j == b.Count) return false;
        return Compatible(a[i], b[j]) && Overlap(a, i + 1, b, j + 1);
    }

    private static bool Compatible(TemplateSegment a, TemplateSegment b)
    {
        if (Literal(a) is { } left && Literal(b) is { } right) return string.Equals(left, right, StringComparison.OrdinalIgnoreCase);
        return true; // a parameter (or a complex segment) may match whatever the other side holds
    }

    private static string? Literal(TemplateSegment segment) => segment.Parts is [{ IsLiteral: true } part] ? part.Text : null;

    private static bool IsCatchAll(TemplateSegment segment) => segment.Parts.Any(p => p.IsCatchAll);

    private static bool IsOptional(TemplateSegment segment) => segment.Parts is [{ IsParameter: true, IsOptional: true }];
}
