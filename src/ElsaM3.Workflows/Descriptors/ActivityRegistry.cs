using ElsaM3.Workflows.Activities;
using ElsaM3.Workflows.Definitions;

namespace ElsaM3.Workflows.Descriptors;

/// <summary>Every activity type the runtime can run, by type name.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Type, int Version), byte> _unrecognised = new();

    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations)
    {
        Add(FlowchartType);
        Add(SequenceType);
        foreach (var registration in registrations)
            Add(ActivityDescriber.Describe(registration.ActivityClass));
    }

    public IReadOnlyCollection<ActivityType> All => _types.Values;

    public ActivityType? Find(string typeName) => _types.GetValueOrDefault(typeName);

    public void Add(ActivityType type) => _types[type.TypeName] = type;

    /// <summary>Remembers an activity type met in a definition that this server cannot run.</summary>
    public void NoteUnrecognised(string typeName, int version) => _unrecognised.TryAdd((typeName, version), 0);

    /// <summary>
    /// Placeholder descriptors for the unknown types met so far, so that Studio still draws such activities
    /// (it shows a blank canvas when a type has no descriptor). Hidden from the toolbox.
    /// </summary>
    public IEnumerable<ActivityDescriptor> PlaceholderDescriptors() => _unrecognised.Keys
        .Where(key => !_types.ContainsKey(key.Type))
        .Select(key =>
        {
            var dot = key.Type.LastIndexOf('.');
            return new ActivityDescriptor
            {
                TypeName = key.Type,
                Namespace = dot > 0 ? key.Type[..dot] : "",
                Name = dot > 0 ? key.Type[(dot + 1)..] : key.Type,
                Version = key.Version,
                Category = "Unknown",
                DisplayName = $"{key.Type} (not installed)",
                Description = $"This server has no activity '{key.Type}'. It is kept unchanged in the workflow but cannot run.",
                IsBrowsable = false,
            };
        });

    /// <summary>Elsa's Sequence: its activities one after another (a root or a body Studio cannot draw, but Elsa files have); run by the engine itself.</summary>
    public static readonly ActivityType SequenceType = Container(ActivityNode.SequenceType, "Sequence", "Workflows",
        "Execute a set of activities in sequence.", browsable: false);

    /// <summary>The container every rule workflow's root is; run by the engine itself.</summary>
    public static readonly ActivityType FlowchartType = Container(ActivityNode.FlowchartType, "Flowchart", "Flow",
        "A flowchart: activities connected by outcome ports.", browsable: true);

    private static ActivityType Container(string typeName, string name, string category, string description, bool browsable) => new()
    {
        Descriptor = new ActivityDescriptor
        {
            TypeName = typeName,
            Namespace = "Elsa",
            Name = name,
            Category = category,
            DisplayName = name,
            Description = description,
            IsContainer = true,
            IsBrowsable = browsable,
        },
        ClrType = typeof(ActivityNode),
        InputType = typeof(NoInput),
        Inputs = [],
        Outputs = [],
    };
}

/// <summary>A DI marker that adds one activity class to the registry.</summary>
public sealed record ActivityRegistration(Type ActivityClass);
