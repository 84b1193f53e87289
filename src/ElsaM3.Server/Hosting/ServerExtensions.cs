using ElsaM3.Api;
using ElsaM3.Cases;
using ElsaM3.Identity;
using ElsaM3.Server.Studio;
using Microsoft.AspNetCore.Authorization;
using ElsaM3.Persistence;
using ElsaM3.Runtime;
using ElsaM3.Runtime.Scheduling;
using ElsaM3.Server.Samples;
using ElsaM3.Workflows;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Http;
using ElsaM3.Workflows.JavaScript;
using ElsaM3.Workflows.Scriban;

namespace ElsaM3.Server.Hosting;

/// <summary>The wiring of the whole server, kept out of <c>Program.cs</c>.</summary>
public static class ServerExtensions
{
    public static void AddElsaM3Server(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddOptions<StorageOptions>().Bind(config.GetSection("Storage"))
            .Configure(o => o.ConnectionString ??= config.GetConnectionString("ElsaM3"));
        services.AddOptions<SampleWorkflowOptions>().Bind(config.GetSection("Workflows"));
        services.AddOptions<WorkflowRuntimeOptions>().Bind(config.GetSection("ElsaM3:Runtime"));
        services.AddOptions<JavaScriptOptions>().Bind(config.GetSection("ElsaM3:JavaScript"));
        services.AddOptions<HttpOptions>().Bind(config.GetSection("ElsaM3:Http"));
        services.AddOptions<SchedulingOptions>().Bind(config.GetSection("ElsaM3:Scheduling"));
        services.AddOptions<IdentityOptions>().Bind(config.GetSection("Identity"))
            .Configure<Microsoft.Extensions.Options.IOptions<StorageOptions>>((identity, storage) => identity.DataDirectory = storage.Value.DataDirectory);
        services.AddOptions<StudioOptions>().Bind(config.GetSection("Studio"));

        // Start-up work (migrations, sample import) is registered first so it finishes before recovery and timers start.
        services.AddHostedService<StartupTasks>();
        services.AddElsaM3Workflows()
            .AddJavaScriptExpressions()
            .AddTemplateExpressions()
            .AddCaseTemplates()
            .AddHttpWorkflows()
            .AddElsaM3Persistence()
            .AddElsaM3Runtime()
            .AddElsaApi()
            .AddElsaM3Identity();
        services.AddSingleton<SampleWorkflowImporter>();
    }

    public static void UseElsaM3Server(this WebApplication app)
    {
        app.UseStudio();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseHttpWorkflows();
        var api = app.MapElsaApi();
        api.MapIdentity();
        api.RequireAuthorization(Roles.AnalystPolicy);
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<AdminOnly>().Any()) endpoint.Metadata.Add(new AuthorizeAttribute(Roles.AdminPolicy));
        });
        app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" }));
        app.Lifetime.ApplicationStarted.Register(() => ListeningLog.Write(app));
    }
}
