using System.Text;
using System.Text.Json.Nodes;

namespace ElsaM3.Server.Tests.HostileInput.Fuzzing;

/// <summary>
/// Seeded mutations of valid inputs: truncation, duplication, nesting, type swaps, huge and odd numbers and strings,
/// invalid UTF-8 and broken syntax. The same seed gives the same inputs, so a failure can be replayed.
/// </summary>
public sealed class HostileInputGenerator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] OddStrings =
    [
        "", " ", "\u0000", "\\ud800", "\u202e‮reversed", "{{ 7*7 }}", "<script>alert(1)</script>", "../../etc/passwd", "%00", "x\r\nfail: forged",
        "😀🏳️‍🌈", "null", "true", "-0", "NaN", "Infinity", "' OR 1=1 --", "${jndi:ldap://127.0.0.1/x}", "\"", "\\",
    ];

    private static readonly string[] OddNumbers =
    [
        "1e400", "-1e400", "1e-400", new string('9', 400), "-" + new string('9', 40), "0.0000000000000000000000000001", "-0", "9223372036854775808",
        "1.7976931348623157e309", "123456789012345678901234567890.5",
    ];

    public int Next(int max) => _random.Next(max);

    public bool Chance(double p) => _random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>A hostile variant of <paramref name="json"/> as bytes; about one in six is still well-formed JSON of the same shape.</summary>
    public byte[] Mutate(string json)
    {
        return Next(12) switch
        {
            0 => Encoding.UTF8.GetBytes(json[..Next(json.Length + 1)]),                  // truncated
            1 => Encoding.UTF8.GetBytes(DuplicateKey(json)),
            2 => Encoding.UTF8.GetBytes(Nest(json, 20 + Next(60))),
            3 => InvalidUtf8(json),
            4 => Encoding.UTF8.GetBytes(FlipCharacter(json)),
            5 => Encoding.UTF8.GetBytes(Pick(["", "null", "{}", "[]", "\"x\"", "0", " ", "{", "}", "[{]", "{\"a\":}", "\u00ef\u00bb\u00bf{}"])),
            6 => Encoding.UTF8.GetBytes(json + Pick([" x", "{}", ",", "]", "\u0000"])),
            _ => Encoding.UTF8.GetBytes(Structural(json)),
        };
    }

    /// <summary>Changes one value deep in the document: its type, an odd string, an odd number, a huge value, or removes it.</summary>
    private string Structural(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }
        if (root is null) return json;
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(root, slots);
        if (slots.Count == 0) return json;
        var (parent, key, index) = Pick(slots);
        const string marker = "\"__fuzz_raw__\"";
        string? raw = null;
        JsonNode? replacement = Next(9) switch
        {
            0 => null,
            1 => JsonValue.Create(Pick(OddStrings).Replace("\\ud800", "\ud800")),
            2 => JsonValue.Create(new string(Pick("xé\u0001".ToArray()), 10_000 + Next(200_000))),
            3 => new JsonArray(),
            4 => new JsonObject(),
            5 => JsonValue.Create(Next(2) == 0),
            6 => JsonValue.Create(_random.NextInt64(long.MinValue, long.MaxValue)),
            7 => JsonValue.Create((raw = Pick(OddNumbers)) is var _ ? "__fuzz_raw__" : ""),
            _ => JsonValue.Create(Pick(OddStrings)),
        };
        if (Chance(0.1) && parent is JsonObject removeFrom && key is not null) removeFrom.Remove(key);
        else if (parent is JsonObject obj && key is not null) obj[key] = replacement;
        else if (parent is JsonArray array) array[index] = replacement;
        var text = root.ToJsonString();
        return raw is null ? text : text.Replace(marker, raw);
    }

    private static void Collect(JsonNode node, List<(JsonNode, string?, int)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    slots.Add((obj, key, -1));
                    if (child is not null) Collect(child, slots);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    if (array[i] is { } child) Collect(child, slots);
                }
                break;
        }
    }

    private string DuplicateKey(string json)
    {
        var quote = json.IndexOf("\":", Next(Math.Max(1, json.Length)), StringComparison.Ordinal);
        if (quote < 0) quote = json.IndexOf("\":", StringComparison.Ordinal);
        if (quote < 0) return json;
        var start = json.LastIndexOf('"', quote - 1);
        if (start < 0) return json;
        var name = json[start..(quote + 1)];
        return json[..start] + name + ":\"dup\"," + json[start..];
    }

    private static string Nest(string json, int depth) => new string('[', depth) + json + new string(']', depth);

    private byte[] InvalidUtf8(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        var at = Next(bytes.Count + 1);
        bytes.InsertRange(at, Pick<byte[]>([[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]]));
        return bytes.ToArray();
    }

    private string FlipCharacter(string json)
    {
        if (json.Length == 0) return json;
        var chars = json.ToCharArray();
        chars[Next(chars.Length)] = Pick("{}[]\",:\\ 0a\u0000".ToArray());
        return new string(chars);
    }

    /// <summary>
    /// A path segment that is odd: traversal, very long, unicode, template braces. (No encoded NUL: Kestrel refuses a
    /// path with one before any application code, and the in-memory test server throws in the client.)
    /// </summary>
    public string OddSegment() => Pick(["%2e%2e", "..", "%ff", new string('a', 2000 + Next(6000)), "é😀", "{id}", "{", "%7B", "a%2Fb", "CON", " ", "%20%0A"]);

    public IReadOnlyList<(string Name, string Value)> OddHeaders()
    {
        var headers = new List<(string, string)>();
        if (Chance(0.3)) headers.Add(("X-Api-Key", Pick(["", "x", new string('k', 5000), "cxm_" + new string('0', 40)])));
        if (Chance(0.2)) headers.Add(("Authorization", Pick(["ApiKey ", "ApiKey x", "Bearer ", "Bearer a.b.c", "Basic YWRtaW46YWRtaW4=", "Bearer " + new string('e', 9000), "eyJhbGciOiJub25lIn0.e30."])));
        if (Chance(0.15))
        {
            headers.Add(("X-Signature", Pick(["sha256=" + new string('0', 64), "x", "sha256=zz", ""])));
            headers.Add(("X-Timestamp", Pick(["0", "-1", "99999999999999999999", "now", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)])));
        }
        if (Chance(0.2)) headers.Add(("X-Correlation-Id", Pick(["", new string('c', 3000), "é😀", "../x"])));
        return headers;
    }

    public string OddContentType() => Pick([
        "application/json", "application/json", "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
        "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/xml", "", "application/json; charset=nonsense",
    ]);
}
