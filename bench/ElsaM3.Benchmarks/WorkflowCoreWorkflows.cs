using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;

namespace ElsaM3.Benchmarks;

/// <summary>The benchmark workflows in WorkflowCore, on its in-memory persistence and single-node queue, tuned for latency.</summary>
internal sealed class WorkflowCoreWorkflows : IDisposable
{
    public const string SequentialId = "sequential";
    public const string ForkJoinId = "fork-join";
    public const string LoopId = "loop";

    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();

    public WorkflowCoreWorkflows()
    {
        _services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddWorkflow(o => o.UseIdleTime(TimeSpan.FromMilliseconds(1)))
            .BuildServiceProvider();
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<Sequential>();
        _host.RegisterWorkflow<ForkJoin>();
        _host.RegisterWorkflow<Loop, LoopData>();
        _host.OnLifeCycleEvent += e =>
        {
            if (e is WorkflowCompleted && e.Reference is not null && _waiting.TryRemove(e.Reference, out var done)) done.SetResult();
        };
        _host.Start();
    }

    public async Task RunAsync(string workflowId)
    {
        var reference = Guid.NewGuid().ToString("N");
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[reference] = done;
        object data = workflowId == LoopId ? new LoopData() : new object();
        await _host.StartWorkflow(workflowId, 1, data, reference);
        await done.Task;
    }

    public void Dispose()
    {
        _host.Stop();
        _services.Dispose();
    }

    private sealed class Write : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context)
        {
            TextWriter.Null.WriteLine(context.Step.Id);
            return ExecutionResult.Next();
        }
    }

    private sealed class Sequential : IWorkflow
    {
        public string Id => SequentialId;
        public int Version => 1;

        public void Build(IWorkflowBuilder<object> builder)
        {
            var step = builder.StartWith<Write>();
            for (var i = 1; i < 10; i++) step = step.Then<Write>();
        }
    }

    private sealed class ForkJoin : IWorkflow
    {
        public string Id => ForkJoinId;
        public int Version => 1;

        public void Build(IWorkflowBuilder<object> builder) => builder
            .StartWith<Write>()
            .Parallel()
                .Do(branch => branch.StartWith<Write>().Then<Write>())
                .Do(branch => branch.StartWith<Write>().Then<Write>())
            .Join()
            .Then<Write>();
    }

    public sealed class LoopData
    {
        public int Counter { get; set; }
    }

    private sealed class Loop : IWorkflow<LoopData>
    {
        public string Id => LoopId;
        public int Version => 1;

        public void Build(IWorkflowBuilder<LoopData> builder) => builder
            .StartWith(_ => ExecutionResult.Next())
            .While(data => data.Counter < 50)
                .Do(body => body.StartWith(context =>
                {
                    ((LoopData)context.Workflow.Data).Counter++;
                    return ExecutionResult.Next();
                }))
            .Then<Write>();
    }
}
