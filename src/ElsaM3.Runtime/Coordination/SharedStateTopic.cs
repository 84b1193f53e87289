namespace ElsaM3.Runtime.Coordination;

/// <summary>A kind of state every node caches from the store, announced by name when one node changes it.</summary>
public readonly record struct SharedStateTopic(string Name)
{
    /// <summary>Workflow definitions and their published triggers (the trigger index, compiled graphs).</summary>
    public static readonly SharedStateTopic Definitions = new("definitions");

    public override string ToString() => Name;
}
