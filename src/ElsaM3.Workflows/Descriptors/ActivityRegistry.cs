using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Descriptors;

/// <summary>Every activity type the runtime can run, by type name.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations)
    {
        Add(FlowchartType);
        foreach (var registration in registrations)
            Add(ActivityDescriber.Describe(registration.ActivityClass));
    }

    public IReadOnlyCollection<ActivityType> All => _types.Values;

    public ActivityType? Find(string typeName) => _types.GetValueOrDefault(typeName);

    public void Add(ActivityType type) => _types[type.TypeName] = type;

    /// <summary>The container every rule workflow's root is; run by the engine itself.</summary>
    public static readonly ActivityType FlowchartType = new()
    {
        Descriptor = new ActivityDescriptor
        {
            TypeName = ActivityNode.FlowchartType,
            Namespace = "Elsa",
            Name = "Flowchart",
            Category = "Flow",
            DisplayName = "Flowchart",
            Description = "A flowchart: activities connected by outcome ports.",
            IsContainer = true,
            IsBrowsable = true,
        },
        ClrType = typeof(ActivityNode),
        InputType = typeof(NoInput),
        Inputs = [],
        Outputs = [],
    };
}

/// <summary>A DI marker that adds one activity class to the registry.</summary>
public sealed record ActivityRegistration(Type ActivityClass);
