using ElsaM3.LoadTest;

// bench/ElsaM3.LoadTest: `seed` fills a store with finished instances; `floor` serves the physical-floor endpoint.
return args.FirstOrDefault() switch
{
    "seed" => await Seeder.RunAsync(args[1..]),
    "floor" => await FloorServer.RunAsync(args[1..]),
    "postgres" => await PostgresCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          ElsaM3.LoadTest seed --data DIR --count N     store N finished workflow instances (with journal and records) in DIR/elsam3.db
          ElsaM3.LoadTest floor --urls URL --data DIR  a bare endpoint doing one SQLite insert of a 2 KB row per request
          ElsaM3.LoadTest floor --urls URL --postgres CONNECTION [--jsonb]   the same insert into PostgreSQL (text or jsonb)
          ElsaM3.LoadTest postgres NAME...              a durable PostgreSQL in a temporary folder with these databases (prints their connection strings)
        """);
    return 2;
}
