using System.Text.Json;
using System.Text.Json.Nodes;
using ElsaM3.M3pp.Activities.Changes;
using ElsaM3.M3pp.Contracts;
using ElsaM3.M3pp.Gateways;
using ElsaM3.M3pp.Identifiers;

namespace ElsaM3.M3pp.Tests.Changes;

/// <summary>How a change from M3 is read, compared and found: snapshots, cursors, the watch bookmark.</summary>
public sealed class ChangeModelTests
{
    private static readonly Worksheet Open = new()
    {
        WorksheetId = 7, Reference = "WK/2025000123", Status = "OPEN", Officer = new CodeName("JSMITH", "Jo Smith"), TargetDate = "2025-03-21",
    };

    [Fact]
    public void A_feed_item_and_a_read_of_the_same_state_have_the_same_fingerprint()
    {
        // The feed sends the record as JSON with its own property order and nulls; a read goes through the contract.
        var asFeedSendsIt = JsonNode.Parse("""{"targetDate":"2025-03-21","status":"OPEN","reference":"WK/2025000123","worksheetId":7,"closureReason":null,"officer":{"name":"Jo Smith","code":"JSMITH"}}""");
        var fromFeed = RecordSnapshot.Normalize(RecordKind.Worksheet, asFeedSendsIt);

        RecordSnapshot.Fingerprint(fromFeed).ShouldBe(RecordSnapshot.Fingerprint(RecordSnapshot.Of(Open)));
        RecordSnapshot.Fingerprint(RecordSnapshot.Of(Open with { Status = "CLOSED" })).ShouldNotBe(RecordSnapshot.Fingerprint(RecordSnapshot.Of(Open)));
        RecordSnapshot.Fingerprint(null).ShouldBe("deleted");
        RecordSnapshot.Normalize(RecordKind.Worksheet, JsonValue.Create("not a record")).ShouldBeNull();
    }

    [Fact]
    public void Differences_name_each_top_level_field_that_changed_with_both_values()
    {
        var before = RecordSnapshot.Of(Open);
        var after = RecordSnapshot.Of(Open with { Status = "CLOSED", ClosureReason = "ABATED", Officer = new CodeName("AKHAN", "Ali Khan") });

        var changed = RecordSnapshot.Differences(before, after);

        changed.Keys.ShouldBe(["status", "officer", "closureReason"], ignoreOrder: true);
        changed["status"].From!.GetValue<string>().ShouldBe("OPEN");
        changed["status"].To!.GetValue<string>().ShouldBe("CLOSED");
        changed["closureReason"].From.ShouldBeNull();
        changed["officer"].To!["code"]!.GetValue<string>().ShouldBe("AKHAN");
        RecordSnapshot.Differences(before, RecordSnapshot.Of(Open)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("000000000000002", "000000000000001", true)]
    [InlineData("000000000000001", "000000000000001", false)]
    [InlineData("10", "9", true)]
    [InlineData("9", "10", false)]
    [InlineData("b", "a", true)]
    public void A_cursor_is_after_another_by_length_then_ordinal(string cursor, string other, bool after)
    {
        ChangeCursor.TryParse(cursor, out var a).ShouldBeTrue();
        ChangeCursor.TryParse(other, out var b).ShouldBeTrue();
        a.IsAfter(b).ShouldBe(after);
    }

    [Fact]
    public void A_watch_bookmark_is_found_by_its_record_whatever_it_has_seen()
    {
        var watched = new WatchedRecord(RecordKind.Worksheet, "WK/2025000123");
        var bookmark = watched.Bookmark("ABC");

        ElsaM3.Workflows.Bookmarks.StimulusHash.Compute(bookmark.Name, bookmark.LookupPayload).ShouldBe(watched.Hash);
        watched.Bookmark(null).LookupPayload.ShouldBe(bookmark.LookupPayload);
        new WatchedRecord(RecordKind.Asset, "WK/2025000123").Hash.ShouldNotBe(watched.Hash);

        // As the store gives the payload back.
        var stored = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(bookmark.Payload))!
            .ToDictionary(p => p.Key, p => (object?)(p.Value is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : null));
        WatchedRecord.FromPayload(stored).ShouldBe((watched, "ABC"));
        WatchedRecord.FromPayload(new Dictionary<string, object?> { ["kind"] = "case", ["reference"] = "x" }).ShouldBeNull();
        WatchedRecord.FromPayload("not a payload").ShouldBeNull();
    }

    [Fact]
    public void A_feed_item_becomes_a_change_and_one_ElsaM3_does_not_watch_is_passed_over()
    {
        var item = new ChangeItem("000000000000042", "worksheet", "WK/2025000123", "2025-03-18T10:02:11+00:00", "deleted", null, null);

        var change = RecordChange.FromFeed(item)!;

        change.Record.ShouldBe(new WatchedRecord(RecordKind.Worksheet, "WK/2025000123"));
        change.Kind.ShouldBe(RecordChangeKind.Deleted);
        change.Current.ShouldBeNull();
        change.Cursor!.Value.Value.ShouldBe("000000000000042");
        change.ChangedAt.ShouldBe(DateTimeOffset.Parse("2025-03-18T10:02:11+00:00", System.Globalization.CultureInfo.InvariantCulture));
        RecordChange.FromFeed(item with { Kind = "case" }).ShouldBeNull();
        RecordChange.FromFeed(item with { Cursor = "" }).ShouldBeNull();
    }

    [Fact]
    public void A_case_patch_carries_status_and_notes_and_knows_when_it_is_empty()
    {
        var empty = new CasePatch(new Dictionary<string, string?>(), new Dictionary<string, string?>());
        empty.IsEmpty.ShouldBeTrue();
        (empty with { Status = "closed" }).IsEmpty.ShouldBeFalse();
        (empty with { Notes = [new CaseNote("Closed in M3.", NoteVisibility.Customer)] }).IsEmpty.ShouldBeFalse();
    }
}
