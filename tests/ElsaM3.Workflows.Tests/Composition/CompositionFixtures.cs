namespace ElsaM3.Workflows.Tests.Composition;

/// <summary>The Elsa files of <c>Fixtures/composition</c>, written as Studio exports them.</summary>
internal static class CompositionFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "composition", name));
}
