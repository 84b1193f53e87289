using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ElsaM3.Persistence.Sqlite;

/// <summary>
/// One SQL statement prepared once on a connection and run many times with positional parameters (<c>?1</c>, <c>?2</c>…).
/// It talks to SQLite directly so that JSON already encoded as UTF-8 is bound as text without a round trip through
/// a .NET string; Microsoft.Data.Sqlite's commands only bind strings or blobs.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private const int StackLimit = 256;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public PreparedStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public PreparedStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public PreparedStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : BindNull(index);

    public PreparedStatement Bind(int index, string? value)
    {
        if (value is null) return BindNull(index);
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> buffer = max <= StackLimit ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        Check(raw.sqlite3_bind_text(_statement, index, buffer[..length]));
        return this;
    }

    /// <summary>Binds text that is already UTF-8 (SQLite copies it).</summary>
    public PreparedStatement BindUtf8(int index, ReadOnlySpan<byte> utf8)
    {
        Check(raw.sqlite3_bind_text(_statement, index, utf8));
        return this;
    }

    public PreparedStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement to completion and makes it ready for the next set of parameters; returns the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }

    public void Dispose() => _statement.Dispose();
}
