using System.Security.Cryptography;
using ElsaM3.Identity.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ElsaM3.Identity.Users;

/// <summary>The users who may sign in: the configured ones plus the built-in <c>admin</c>.</summary>
public sealed partial class UserDirectory
{
    public const string AdminName = "admin";
    private readonly PasswordHasher<string> _hasher = new();
    private readonly Dictionary<string, ConfiguredUser> _users = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checked for unknown names, so an unknown user costs the same hashing work as a known one.</summary>
    private readonly string _decoyHash;

    public UserDirectory(IOptions<IdentityOptions> options, ILogger<UserDirectory> logger)
    {
        var settings = options.Value;
        foreach (var user in settings.Users) _users[user.Name] = user;
        if (!_users.ContainsKey(AdminName))
            _users[AdminName] = new ConfiguredUser { Name = AdminName, PasswordHash = AdminHash(settings, logger), Roles = [Roles.Admin, Roles.Analyst] };
        _decoyHash = _hasher.HashPassword("", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));
    }

    /// <summary>The user's roles when the password is right; <c>null</c> otherwise (unknown user or wrong password alike, in the same time).</summary>
    public IReadOnlyList<string>? Verify(string name, string password)
    {
        if (!_users.TryGetValue(name, out var user))
        {
            _hasher.VerifyHashedPassword("", _decoyHash, password);
            return null;
        }
        return _hasher.VerifyHashedPassword(name, user.PasswordHash, password) == PasswordVerificationResult.Failed ? null : user.Roles;
    }

    public IReadOnlyList<string>? RolesOf(string name) => _users.TryGetValue(name, out var user) ? user.Roles : null;

    public string Hash(string name, string password) => _hasher.HashPassword(name, password);

    private string AdminHash(IdentityOptions settings, ILogger logger)
    {
        if (!string.IsNullOrEmpty(settings.AdminPassword)) return Hash(AdminName, settings.AdminPassword);
        var file = Path.Combine(settings.DataDirectory, "admin-password.json");
        return GeneratedSecret.HashFrom(file, "PasswordHash",
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y'),
            password => Hash(AdminName, password), password => LogGeneratedPassword(logger, password, file));
    }

    [LoggerMessage(LogLevel.Warning, "Generated the password of user 'admin': {Password} (shown once; its hash is kept in {File}; set ElsaM3:Identity:AdminPassword to choose one)")]
    private static partial void LogGeneratedPassword(ILogger logger, string password, string file);
}
