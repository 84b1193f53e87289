using ElsaM3.Cases;
using ElsaM3.Workflows.Definitions;
using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.JavaScript;
using ElsaM3.Workflows.Primitives;
using ElsaM3.Workflows.Scriban;
using ElsaM3.Workflows.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ElsaM3.Workflows.Tests.Support;

/// <summary>The real runtime in-process, with a fake clock, a captured console and the test activities.</summary>
public sealed class WorkflowTestHost : IDisposable
{
    private readonly ServiceProvider _services;

    public WorkflowTestHost(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        // What any host provides: the features bind their ElsaM3:X sections from it (empty here: every default).
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddSingleton(new WorkflowConsole { Out = Console });
        services.AddSingleton(Trace);
        services.AddElsaM3Workflows()
            .AddJavaScriptExpressions(o => o.Timeout = TimeSpan.FromMilliseconds(500))
            .AddTemplateExpressions()
            .AddCaseTemplates()
            .AddActivity<Record>().AddActivity<Wait>().AddActivity<Throw>().AddActivity<Render>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
    public StringWriter Console { get; } = new();
    public ExecutionTrace Trace { get; } = new();
    public WorkflowRunner Runner => _services.GetRequiredService<WorkflowRunner>();
    public WorkflowDefinitionSerializer Serializer => _services.GetRequiredService<WorkflowDefinitionSerializer>();
    public ActivityRegistry Registry => _services.GetRequiredService<ActivityRegistry>();

    public WorkflowGraph Compile(string json) => Runner.Compile(Serializer.Deserialize(json));

    public WorkflowGraph Compile(WorkflowDefinition definition) => Runner.Compile(definition);

    public ValueTask<WorkflowRunResult> StartAsync(WorkflowGraph graph, StartOptions? options = null) =>
        Runner.StartAsync(graph, options ?? new StartOptions());

    public void Dispose() => _services.Dispose();
}
