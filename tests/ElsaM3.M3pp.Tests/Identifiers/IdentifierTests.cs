using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.M3pp.Tests.Identifiers;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("100091234567", 100091234567L)]
    [InlineData(" 000000199356 ", 199356L)]
    [InlineData("1", 1L)]
    [InlineData("999999999999", 999999999999L)]
    public void Uprn_ParsesToCanonicalForm(string text, long expected)
    {
        Uprn.Parse(text).Value.ShouldBe(expected);
    }

    [Fact]
    public void Uprn_PaddedAndUnpaddedAreTheSame()
    {
        Uprn.Parse("000000199356").ShouldBe(Uprn.Parse("199356"));
        Uprn.Parse("000000199356").ToString().ShouldBe("199356");
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("1000912345678", "more than 12 digits")]
    [InlineData("10009A234567", "not all digits")]
    [InlineData("-1", "not all digits")]
    [InlineData("000000000000", "all zeros")]
    public void Uprn_Rejects_WithTheReason(string text, string reason)
    {
        Uprn.TryParse(text, out var uprn, out var error).ShouldBeFalse();
        uprn.ShouldBeNull();
        error.ShouldContain(reason);
    }

    [Fact]
    public void WorksheetReference_AcceptsTheHubisForm_Only()
    {
        PatternIdentifier.Parse<WorksheetReference>(" WK/2025000123 ").Value.ShouldBe("WK/2025000123");
        PatternIdentifier.TryParse<WorksheetReference>("WK/25000123", out _, out var error).ShouldBeFalse();
        error.ShouldBe("Worksheet reference 'WK/25000123' is not in the form WK/2025000123");
    }

    [Theory]
    [InlineData("AS00012345", true)]
    [InlineData("as00012345", false)]
    [InlineData("AS0001234", false)]
    [InlineData("", false)]
    public void AssetKey_IsTwoLettersAndEightDigits(string text, bool valid)
    {
        PatternIdentifier.TryParse<AssetKey>(text, out _, out _).ShouldBe(valid);
    }

    [Fact]
    public void SiteKey_StartsWithST()
    {
        PatternIdentifier.Parse<SiteKey>("ST00004512").ToString().ShouldBe("ST00004512");
        PatternIdentifier.TryParse<SiteKey>("AS00004512", out _, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("EH", true)]
    [InlineData("TASK_GROUP", true)]
    [InlineData("eh", false)]
    [InlineData("ABCDEFGHIJK", false)]
    [InlineData("E H", false)]
    public void M3Code_IsUpperCaseAndAtMostTenCharacters(string text, bool valid)
    {
        PatternIdentifier.TryParse<M3Code>(text, out _, out _).ShouldBe(valid);
    }

    [Fact]
    public void Parse_ThrowsWithTheReason()
    {
        Should.Throw<FormatException>(() => PatternIdentifier.Parse<M3Code>("")).Message.ShouldBe("Code is empty.");
        Should.Throw<FormatException>(() => Uprn.Parse("x")).Message.ShouldBe("UPRN 'x' is not all digits.");
    }
}
