namespace ElsaM3.Workflows.Tests.Support;

/// <summary>The Elsa files under <c>Fixtures/</c>, written as Studio exports them.</summary>
internal static class FixtureFiles
{
    public static string Read(string folder, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name));
}
