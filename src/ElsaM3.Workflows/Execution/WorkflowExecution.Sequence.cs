using System.Text.Json;
using ElsaM3.Workflows.Journal;

namespace ElsaM3.Workflows.Execution;

/// <summary>Elsa's Sequence: each activity when the one before it completes; a terminal one (End, Complete) ends it early.</summary>
internal sealed partial class WorkflowExecution
{
    private void StartSequence(CompiledNode sequence, ScheduledWork work)
    {
        var state = NewContext(sequence, work);
        Record(sequence, state);
        AddJournal(state, JournalEvents.Started, null);
        ScheduleStep(sequence, state, 0, work.SchedulingActivityExecutionId);
    }

    private void ScheduleStep(CompiledNode sequence, ActivityExecutionState state, int index, string? schedulingId)
    {
        if (index >= sequence.Steps!.Count)
        {
            CompleteContainer(sequence, state);
            return;
        }
        (state.Properties ??= [])[Sequences.CurrentIndex] = index + 1;
        Schedule(new ScheduledWork(sequence.Steps[index].NodeId, state.Id) { SchedulingActivityExecutionId = schedulingId });
    }
}

/// <summary>Where a sequence is (Elsa's property name), as stored on its execution.</summary>
internal static class Sequences
{
    public const string CurrentIndex = "CurrentIndex";

    public static int NextIndex(ActivityExecutionState state) => state.Properties?.GetValueOrDefault(CurrentIndex) switch
    {
        int i => i,
        long l => (int)l,
        double d => (int)d,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetInt32(),
        _ => 0,
    };
}
