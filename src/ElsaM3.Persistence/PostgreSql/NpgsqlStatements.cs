using Npgsql;

namespace ElsaM3.Persistence.PostgreSql;

/// <summary>Statements with positional parameters (<c>$1</c>, <c>$2</c>…); a null goes as SQL NULL.</summary>
internal static class NpgsqlStatements
{
    public static void Add(this NpgsqlBatch batch, string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        batch.BatchCommands.Add(command);
    }

    /// <summary>A command on a connection of the pool, opened when it runs.</summary>
    public static NpgsqlCommand Command(this NpgsqlDataSource dataSource, string sql, params object?[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(Parameter(value));
        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => new() { Value = value ?? DBNull.Value };
}
