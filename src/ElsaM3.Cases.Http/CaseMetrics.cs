using System.Diagnostics.Metrics;

namespace ElsaM3.Cases.Http;

/// <summary>The case trigger's meter (<c>ElsaM3.Cases</c>): cases accepted from CXM.</summary>
public static class CaseMetrics
{
    public const string Name = "ElsaM3.Cases";

    private static readonly Meter Meter = new(Name);

    /// <summary>Cases accepted (checked and started), by case type.</summary>
    public static readonly Counter<long> Accepted = Meter.CreateCounter<long>("elsam3.cases.accepted", "{case}", "Cases CXM posted that started a rule workflow.");
}
