using ElsaM3.Api;
using ElsaM3.Audit;
using Microsoft.AspNetCore.DataProtection;
using ElsaM3.Cases;
using ElsaM3.Cases.Http;
using ElsaM3.Cases.Http.TestCases;
using Microsoft.Extensions.Options;
using ElsaM3.Identity;
using ElsaM3.Server.Studio;
using Microsoft.AspNetCore.Authorization;
using ElsaM3.Persistence;
using ElsaM3.Runtime;
using ElsaM3.Server.Samples;
using ElsaM3.Workflows;
using ElsaM3.Workflows.Http;
using ElsaM3.Workflows.JavaScript;
using ElsaM3.Workflows.Scriban;
using ElsaM3.M3pp.Activities;
using ElsaM3.M3pp.Api;
using ElsaM3.M3pp.Activities.Settings;
using ElsaM3.Simulators;

namespace ElsaM3.Server.Hosting;

/// <summary>The wiring of the whole server, kept out of <c>Program.cs</c>.</summary>
public static class ServerExtensions
{
    public static void AddElsaM3Server(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.AddConsole(console => console.FormatterName = EscapingConsoleFormatter.FormatterName)
            .AddConsoleFormatter<EscapingConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();

        // Each feature binds and checks its own ElsaM3:X section; what is set here crosses features.
        services.AddOptions<TestCaseOptions>().Configure<IOptions<SampleWorkflowOptions>, IHostEnvironment>((options, samples, environment) =>
            options.Directory ??= samples.Value.ResolveDirectory(environment.ContentRootPath) is { } folder ? Path.Combine(folder, "cases") : null);
        services.AddOptions<IdentityOptions>()
            .Configure<IOptions<StorageOptions>>((identity, storage) => identity.DataDirectory = storage.Value.DataDirectory);
        var simulators = SimulatorOptions.From(config);
        services.AddOptions<SimulatorOptions>()
            .Configure<IOptions<StorageOptions>>((sim, storage) => sim.DataDirectory ??= storage.Value.DataDirectory);
        if (simulators.Enabled)
        {
            // While simulating, the gateways call the embedded simulators unless configured otherwise (lowest precedence).
            config.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = new Dictionary<string, string?>
                {
                    [$"{M3ppSettings.Section}:HubisBaseUrl"] = "/simulators/m3pp", [$"{M3ppSettings.Section}:HubisApiKey"] = simulators.ApiKey,
                    [$"{M3ppSettings.Section}:CxmBaseUrl"] = "/simulators/cxm", [$"{M3ppSettings.Section}:CxmApiKey"] = simulators.ApiKey,
                },
            });
        }

        // Bad input is a 4xx that says what and where; request binding failures reach the handler to be described.
        services.AddProblemDetails();
        services.AddExceptionHandler<BadInputExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Start-up work (migrations, sample import) is registered first so it finishes before recovery and timers start.
        services.AddHostedService<StartupTasks>();
        services.AddElsaM3Workflows()
            .AddJavaScriptExpressions()
            .AddTemplateExpressions()
            .AddCaseTemplates()
            .AddHttpWorkflows()
            .AddCaseTrigger()
            .AddElsaM3Persistence()
            .AddElsaM3Runtime()
            .AddElsaApi()
            .AddElsaM3Identity()
            .AddAuditTrail()
            .AddM3ppActivities()
            .AddStudio()
            .AddSampleWorkflows();
        // Data Protection encrypts the stored HUBis and CXM keys; the store keeps its key ring (AddElsaM3Persistence).
        services.AddDataProtection().SetApplicationName("ElsaM3");
        services.AddM3ppHosting();
        if (simulators.Enabled) services.AddSimulators();
        services.AddElsaM3Telemetry(config);
    }

    public static void UseElsaM3Server(this WebApplication app)
    {
        app.UseSecurityHeaders(StudioHosting.BasePath);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Bad input answered 4xx is not a server error: only what ends as a 500 is logged as one.
            SuppressDiagnosticsCallback = context => BadInputExceptionHandler.Describe(context.Exception).Status < 500,
        });
        app.UseStrictJsonBodies(ElsaApi.Prefix, "/api");
        // Routing runs inside the exception handler, so even a routing failure is answered as a problem, not an empty 500.
        app.UseRouting();
        app.UseStudio();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseHttpWorkflows();
        var api = app.MapElsaApi();
        api.RequireAuthorization(Roles.AnalystPolicy);
        api.MapIdentity();
        ((IEndpointConventionBuilder)api).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<AdminOnly>().Any()) endpoint.Metadata.Add(new AuthorizeAttribute(Roles.AdminPolicy));
        });
        var admin = app.MapGroup("/api").RequireAuthorization(Roles.AdminPolicy);
        admin.MapIntegrationApi();
        admin.MapAuditApi();
        app.MapGroup("/api").RequireAuthorization(Roles.AnalystPolicy).MapTestCases();
        if (SimulatorOptions.From(app.Configuration).Enabled)
        {
            app.MapSimulators();
            app.Lifetime.ApplicationStarted.Register(() => ListeningLog.WriteSimulators(app));
        }
        app.MapHealth();
        app.MapMetrics();
        app.Lifetime.ApplicationStarted.Register(() => ListeningLog.Write(app));
    }
}
