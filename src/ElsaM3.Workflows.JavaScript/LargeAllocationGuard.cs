using Jint;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>
/// Jint checks its memory limit between statements, so one call that builds a huge string or array at once
/// (<c>'x'.repeat(268435456)</c>, <c>'a'.padEnd(1e9)</c>, <c>new Array(1e9)</c>) would pass it. Arrays are capped by Jint's
/// own array size constraint; the string builders are wrapped so a result longer than the memory limit allows is a
/// <c>RangeError</c> before anything is allocated.
/// </summary>
internal static class LargeAllocationGuard
{
    /// <summary>Most characters one string may hold: two bytes a character, half the memory limit.</summary>
    public static long MaxStringLength(long memoryLimitBytes) => Math.Max(1024, memoryLimitBytes / 4);

    /// <summary>Most elements one array may hold (a reference a slot).</summary>
    public static uint MaxArrayLength(long memoryLimitBytes) => (uint)Math.Clamp(memoryLimitBytes / 16, 1024, uint.MaxValue);

    public static void Install(Engine engine, long memoryLimitBytes)
    {
        var max = MaxStringLength(memoryLimitBytes);
        engine.Execute($$"""
            (function () {
              const max = {{max}};
              const tooLong = () => { throw new RangeError('Invalid string length: longer than the script memory limit allows'); };
              const repeat = String.prototype.repeat, padStart = String.prototype.padStart, padEnd = String.prototype.padEnd;
              const define = (name, fn) => Object.defineProperty(String.prototype, name, { value: fn, writable: true, configurable: true, enumerable: false });
              define('repeat', function (count) { if (String(this).length * Number(count) > max) tooLong(); return repeat.call(this, count); });
              define('padStart', function (length, fill) { if (Number(length) > max) tooLong(); return padStart.call(this, length, fill); });
              define('padEnd', function (length, fill) { if (Number(length) > max) tooLong(); return padEnd.call(this, length, fill); });
            })();
            """);
    }
}
