using System.Security.Cryptography;
using ElsaM3.Identity.Secrets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Users;

/// <summary>The users who may sign in: the configured ones plus the built-in <c>admin</c>.</summary>
public sealed class UserDirectory
{
    public const string AdminName = "admin";
    private static readonly PasswordHasher<string> Hasher = new();
    private readonly Dictionary<string, ConfiguredUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly string? _adminStampSource;
    private readonly Dictionary<string, string> _stamps = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checked for unknown names, so an unknown user costs the same hashing work as a known one.</summary>
    private readonly string _decoyHash;

    public UserDirectory(IOptions<IdentityOptions> options, IdentitySecrets secrets)
    {
        foreach (var user in options.Value.Users) _users[user.Name] = user;
        if (secrets.AdminPasswordHash is { } adminHash)
        {
            _users[AdminName] = new ConfiguredUser { Name = AdminName, PasswordHash = adminHash, Roles = [Roles.Admin, Roles.Analyst] };
            _adminStampSource = secrets.AdminPasswordStampSource;
        }
        foreach (var user in _users.Values) _stamps[user.Name] = ComputeStamp(user);
        _decoyHash = Hasher.HashPassword("", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>The user's roles when the password is right; <c>null</c> otherwise (unknown user or wrong password alike, in the same time).</summary>
    public IReadOnlyList<string>? Verify(string name, string password)
    {
        if (!_users.TryGetValue(name, out var user))
        {
            Hasher.VerifyHashedPassword("", _decoyHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(name, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user.Roles;
    }

    public IReadOnlyList<string>? RolesOf(string name) => _users.TryGetValue(name, out var user) ? user.Roles : null;

    /// <summary>The user's name as configured (names are compared case-insensitively everywhere); <c>null</c> for an unknown user.</summary>
    public string? CanonicalName(string name) => _users.TryGetValue(name, out var user) ? user.Name : null;

    /// <summary>
    /// What a token must still match to be good: a digest of the user's name, password hash and roles, so a password or
    /// role change, or the user's removal from configuration, ends every session issued before. <c>null</c> for an unknown user.
    /// </summary>
    public string? StampOf(string name) => _stamps.TryGetValue(name, out var stamp) ? stamp : null;

    private string ComputeStamp(ConfiguredUser user)
    {
        var password = _adminStampSource is { } admin && string.Equals(user.Name, AdminName, StringComparison.OrdinalIgnoreCase) ? admin : user.PasswordHash;
        var text = string.Join('\n', [user.Name, password, .. user.Roles.Order(StringComparer.Ordinal)]);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 12);
    }

    public static string Hash(string name, string password) => Hasher.HashPassword(name, password);
}
