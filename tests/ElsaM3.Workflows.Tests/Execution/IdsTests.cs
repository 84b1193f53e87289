using ElsaM3.Workflows.Execution;

namespace ElsaM3.Workflows.Tests.Execution;

/// <summary>Ids: 16 hex digits, ordered by time, unique in a process, and apart across nodes by their slot.</summary>
public sealed class IdsTests
{
    [Fact]
    public void Ids_are_sixteen_hex_digits_rising_and_unique_even_far_beyond_a_thousand_a_millisecond()
    {
        var ids = Enumerable.Range(0, 200_000).Select(_ => Ids.New()).ToList();
        ids.ShouldAllBe(id => id.Length == 16 && id.All(Uri.IsHexDigit));
        ids.Distinct().Count().ShouldBe(ids.Count);
        ids.ShouldBe(ids.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void An_id_carries_the_slot_in_use_and_a_slot_out_of_range_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Ids.UseNodeSlot(Ids.NodeSlots));
        Should.Throw<ArgumentOutOfRangeException>(() => Ids.UseNodeSlot(-1));
        // Two slots' ids made at once never meet: the slot sits between the time and the sequence.
        var time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Ids.UseNodeSlot(517);
        try
        {
            var id = Convert.ToInt64(Ids.New(), 16);
            ((id >> 10) & 0x3FF).ShouldBe(517);
            (id >> 20).ShouldBeInRange(time - 1000, time + 1000);
        }
        finally
        {
            Ids.UseNodeSlot(0);
        }
    }
}
