using System.Reflection;
using ElsaM3.Workflows.Activities;

namespace ElsaM3.Workflows.Descriptors;

/// <summary>A registered activity type: its descriptor plus what the engine needs to bind and run it.</summary>
public sealed class ActivityType
{
    public required ActivityDescriptor Descriptor { get; init; }
    public required Type ClrType { get; init; }
    public required Type InputType { get; init; }
    public required IReadOnlyList<InputBinding> Inputs { get; init; }
    public required IReadOnlyList<OutputBinding> Outputs { get; init; }

    /// <summary>Creates the activity, resolving constructor parameters from DI; <c>null</c> for containers.</summary>
    public Func<IServiceProvider, IActivity>? Factory { get; init; }

    public string TypeName => Descriptor.TypeName;

    /// <summary>Runs an embedded body (see <see cref="BodyAttribute"/>); <c>null</c> for other activities.</summary>
    public BodyAttribute? Body { get; init; }
}

/// <summary>One input property: its JSON name, CLR target and whether it holds an expression.</summary>
public sealed record InputBinding(string Name, string JsonName, PropertyInfo Property, bool IsWrapped, string TypeName)
{
    /// <summary>The evaluated value is masked in activity execution records.</summary>
    public bool IsSensitive { get; init; }

    public Type TargetType => Property.PropertyType;
}

/// <summary>One output property of an activity's output class.</summary>
public sealed record OutputBinding(string Name, string JsonName, PropertyInfo Property);
