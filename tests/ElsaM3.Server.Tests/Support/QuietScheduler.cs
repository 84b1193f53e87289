using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ElsaM3.Server.Tests.Support;

/// <summary>
/// A server on a fake clock whose timer scheduler sweeps only when a commit wakes it (an hour's poll), so a test
/// decides which timers are resumed and when.
/// </summary>
public static class QuietScheduler
{
    public static ElsaM3Application App(FakeTimeProvider clock, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["ElsaM3:Scheduling:PollInterval"] = "01:00:00";
        return new ElsaM3Application(settings: settings, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
    }
}
