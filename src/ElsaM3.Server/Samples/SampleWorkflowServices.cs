namespace ElsaM3.Server.Samples;

public static class SampleWorkflowServices
{
    /// <summary>The importer of the sample rule workflows, with <see cref="SampleWorkflowOptions"/> bound to its section.</summary>
    public static IServiceCollection AddSampleWorkflows(this IServiceCollection services)
    {
        services.AddOptions<SampleWorkflowOptions>().BindConfiguration(SampleWorkflowOptions.Section);
        services.AddSingleton<SampleWorkflowImporter>();
        return services;
    }
}
