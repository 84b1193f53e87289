using System.Text.Json;
using System.Text.Json.Nodes;

namespace ElsaM3.Simulators.Storage;

/// <summary>
/// An append-only file of JSON records, one per line, replayed at start: each write reaches the operating
/// system before the simulator answers, so killing the process loses nothing it has acknowledged.
/// </summary>
public sealed class JsonLinesJournal : IDisposable
{
    private readonly FileStream? _file;
    private readonly object _gate = new();

    public JsonLinesJournal(string? path)
    {
        if (path is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
    }

    /// <summary>Every complete record in the file, oldest first (a torn last line from a crash is skipped).</summary>
    public IEnumerable<JsonObject> ReadAll()
    {
        if (_file is null) yield break;
        _file.Position = 0;
        using var reader = new StreamReader(_file, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            JsonObject? record = null;
            try { record = JsonNode.Parse(line) as JsonObject; }
            catch (JsonException) { }
            if (record is not null) yield return record;
        }
        _file.Seek(0, SeekOrigin.End);
    }

    public void Append(JsonObject record)
    {
        if (_file is null) return;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record);
        lock (_gate)
        {
            _file.Seek(0, SeekOrigin.End);
            _file.Write(bytes);
            _file.WriteByte((byte)'\n');
            _file.Flush();
        }
    }

    public void Dispose() => _file?.Dispose();
}
