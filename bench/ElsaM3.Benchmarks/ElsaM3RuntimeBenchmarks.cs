using BenchmarkDotNet.Attributes;
using ElsaM3.Workflows;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.JavaScript;
using ElsaM3.Workflows.Primitives;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace ElsaM3.Benchmarks;

/// <summary>
/// In-memory workflow runs: ElsaM3's runtime against WorkflowCore 3.22 on equivalent workflows.
/// OperationsPerInvoke is the number of activities (steps) each run executes, so Mean and Allocated are per activity.
/// </summary>
[MemoryDiagnoser]
public class ElsaM3RuntimeBenchmarks
{
    private ServiceProvider _services = null!;
    private WorkflowRunner _runner = null!;
    private WorkflowGraph _sequential = null!, _forkJoin = null!, _loop = null!, _composite = null!, _forEach = null!;
    private WorkflowCoreWorkflows _workflowCore = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            // What any host provides: the features bind their ElsaM3:X sections from it (empty: every default).
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build())
            .AddSingleton(new WorkflowConsole { Out = TextWriter.Null })
            .AddElsaM3Workflows()
            .AddJavaScriptExpressions()
            .BuildServiceProvider();
        _runner = _services.GetRequiredService<WorkflowRunner>();
        var serializer = _services.GetRequiredService<WorkflowDefinitionSerializer>();
        _sequential = _runner.Compile(serializer.Deserialize(BenchWorkflows.Sequential()));
        _forkJoin = _runner.Compile(serializer.Deserialize(BenchWorkflows.ForkJoin()));
        _loop = _runner.Compile(serializer.Deserialize(BenchWorkflows.Loop()));
        var child = serializer.Deserialize(BenchWorkflows.CompositeChild());
        _composite = _runner.Compile(serializer.Deserialize(BenchWorkflows.CompositeParent()), _ => child);
        _forEach = _runner.Compile(serializer.Deserialize(BenchWorkflows.ForEach1000()));
        _workflowCore = new WorkflowCoreWorkflows();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workflowCore.Dispose();
        _services.Dispose();
    }

    [Benchmark(OperationsPerInvoke = 10)]
    [BenchmarkCategory("Sequential10")]
    public async Task<WorkflowSubStatus> ElsaM3_Sequential10() => (await _runner.StartAsync(_sequential, new StartOptions())).SubStatus;

    [Benchmark(OperationsPerInvoke = 7)]
    [BenchmarkCategory("ForkJoin")]
    public async Task<WorkflowSubStatus> ElsaM3_ForkJoin() => (await _runner.StartAsync(_forkJoin, new StartOptions())).SubStatus;

    [Benchmark(OperationsPerInvoke = 101)]
    [BenchmarkCategory("Loop50")]
    public async Task<WorkflowSubStatus> ElsaM3_Loop50() => (await _runner.StartAsync(_loop, new StartOptions())).SubStatus;

    [Benchmark(OperationsPerInvoke = 15)]
    [BenchmarkCategory("Composite")]
    public async Task<WorkflowSubStatus> ElsaM3_Composite() => (await _runner.StartAsync(_composite, new StartOptions())).SubStatus;

    [Benchmark(OperationsPerInvoke = 2001)]
    [BenchmarkCategory("ForEach1000")]
    public async Task<WorkflowSubStatus> ElsaM3_ForEach1000() => (await _runner.StartAsync(_forEach, new StartOptions())).SubStatus;

    [Benchmark(OperationsPerInvoke = 10)]
    [BenchmarkCategory("Sequential10")]
    public Task WorkflowCore_Sequential10() => _workflowCore.RunAsync(WorkflowCoreWorkflows.SequentialId);

    [Benchmark(OperationsPerInvoke = 7)]
    [BenchmarkCategory("ForkJoin")]
    public Task WorkflowCore_ForkJoin() => _workflowCore.RunAsync(WorkflowCoreWorkflows.ForkJoinId);

    [Benchmark(OperationsPerInvoke = 101)]
    [BenchmarkCategory("Loop50")]
    public Task WorkflowCore_Loop50() => _workflowCore.RunAsync(WorkflowCoreWorkflows.LoopId);
}
