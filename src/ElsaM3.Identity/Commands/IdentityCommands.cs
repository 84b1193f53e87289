using ElsaM3.Identity.Applications;
using Microsoft.AspNetCore.Identity;

namespace ElsaM3.Identity.Commands;

/// <summary>
/// Server commands that make hashes for the configuration, so no password or key is ever written there:
/// <c>hash-password</c> (a password on standard input → an <c>ElsaM3:Identity:Users:N:PasswordHash</c>) and
/// <c>hash-key</c> (a key on standard input, or <c>--new</c> for a generated one → an <c>ElsaM3:Identity:Applications:N:KeyHash</c>).
/// </summary>
public static class IdentityCommands
{
    /// <summary>The exit code when <paramref name="args"/> name a command; <c>null</c> to start the server.</summary>
    public static int? TryRun(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0) return null;
        switch (args[0])
        {
            case "hash-password":
                var password = input.ReadLine();
                if (string.IsNullOrEmpty(password)) return Fail(error, "hash-password reads the password from standard input: echo 'the password' | ... hash-password");
                output.WriteLine(new PasswordHasher<string>().HashPassword("", password));
                return 0;
            case "hash-key":
                if (args.Length > 1 && args[1] == "--new")
                {
                    var key = ApiKeyHash.NewKey(args.Length > 2 ? args[2] : "app");
                    output.WriteLine($"key:  {key}");
                    output.WriteLine($"hash: {ApiKeyHash.Of(key)}");
                    return 0;
                }
                var given = input.ReadLine()?.Trim();
                if (string.IsNullOrEmpty(given)) return Fail(error, "hash-key reads the key from standard input, or makes one with: hash-key --new [prefix]");
                if (given.Length < ApiKeyHash.MinimumKeyLength) return Fail(error, $"An API key must be at least {ApiKeyHash.MinimumKeyLength} characters.");
                output.WriteLine(ApiKeyHash.Of(given));
                return 0;
            default:
                return null;
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 2;
    }
}
