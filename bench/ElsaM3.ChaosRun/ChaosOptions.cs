using System.Globalization;

namespace ElsaM3.ChaosRun;

/// <summary>The chaos run's arguments: <c>[cases] [faultRate] [kills] [seed] [--nodes N] [--provider sqlite|postgres] [--connection …]</c>.</summary>
internal sealed record ChaosOptions(int Cases, double FaultRate, int Kills, int? Seed, int Nodes, bool OnPostgres, string? Connection)
{
    public static ChaosOptions Parse(string[] args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) named[args[i][2..]] = args[++i];
            else positional.Add(args[i]);
        }
        var provider = named.GetValueOrDefault("provider", "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgres" or "postgresql")) throw new ArgumentException($"--provider must be sqlite or postgres, not '{provider}'.");
        var nodes = named.TryGetValue("nodes", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 1;
        var onPostgres = provider != "sqlite";
        if (nodes < 1 || (nodes > 1 && !onPostgres)) throw new ArgumentException("--nodes must be 1, or more with --provider postgres (nodes share a PostgreSQL database).");
        return new ChaosOptions(
            positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1000,
            positional.Count > 1 ? double.Parse(positional[1], CultureInfo.InvariantCulture) : 0.2,
            positional.Count > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 3,
            positional.Count > 3 ? int.Parse(positional[3], CultureInfo.InvariantCulture) : null,
            nodes, onPostgres, named.GetValueOrDefault("connection"));
    }
}
