using ElsaM3.Identity.Applications;
using ElsaM3.Identity.Commands;
using Microsoft.AspNetCore.Identity;

namespace ElsaM3.Server.Tests.Identity;

/// <summary><c>hash-password</c> and <c>hash-key</c> make the hashes the configuration holds instead of secrets.</summary>
public sealed class IdentityCommandTests
{
    private static (int? Code, string Output, string Error) Run(string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = IdentityCommands.TryRun(args, new StringReader(input), output, error);
        return (code, output.ToString().Trim(), error.ToString());
    }

    [Fact]
    public void HashPassword_PrintsAHashThatVerifiesThePassword()
    {
        var (code, hash, _) = Run("correct horse battery staple\n", "hash-password");

        code.ShouldBe(0);
        hash.ShouldNotContain("correct horse");
        new PasswordHasher<string>().VerifyHashedPassword("", hash, "correct horse battery staple").ShouldBe(PasswordVerificationResult.Success);
        new PasswordHasher<string>().VerifyHashedPassword("", hash, "wrong").ShouldBe(PasswordVerificationResult.Failed);
    }

    [Fact]
    public void HashKey_HashesAGivenKey_AsTheServerChecksIt()
    {
        const string key = "cxm_0123456789abcdefghijklmnopqrstuvwxyz";
        var (code, hash, _) = Run(key + "\n", "hash-key");

        code.ShouldBe(0);
        hash.ShouldBe(ApiKeyHash.Of(key));
        ApiKeyHash.IsWellFormed(hash).ShouldBeTrue();
        ApiKeyHash.Matches(ApiKeyHash.Of(key), hash).ShouldBeTrue();
        ApiKeyHash.Matches(ApiKeyHash.Of(key + "x"), hash).ShouldBeFalse();
    }

    [Fact]
    public void HashKeyNew_MakesAKeyAndItsHash()
    {
        var (code, output, _) = Run("", "hash-key", "--new", "cxm");

        code.ShouldBe(0);
        var lines = output.Split('\n').Select(l => l.Trim()).ToArray();
        var key = lines[0]["key:".Length..].Trim();
        key.ShouldStartWith("cxm_");
        key.Length.ShouldBeGreaterThanOrEqualTo(ApiKeyHash.MinimumKeyLength);
        lines[1]["hash:".Length..].Trim().ShouldBe(ApiKeyHash.Of(key));
    }

    [Fact]
    public void AShortKey_OrNoInput_IsRefusedWithAReason()
    {
        Run("short\n", "hash-key").Code.ShouldBe(2);
        var (code, _, error) = Run("", "hash-password");
        code.ShouldBe(2);
        error.ShouldContain("standard input");
    }

    [Fact]
    public void AnythingElse_StartsTheServer() => Run("", "--urls", "http://127.0.0.1:1").Code.ShouldBeNull();
}
