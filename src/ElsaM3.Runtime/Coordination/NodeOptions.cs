namespace ElsaM3.Runtime.Coordination;

/// <summary>This server among the nodes that share a store, bound to <c>ElsaM3:Node</c>.</summary>
public sealed class NodeOptions
{
    /// <summary>The configuration section this binds to.</summary>
    public const string Section = "ElsaM3:Node";

    /// <summary>Longest name kept on instance records.</summary>
    public const int MaxNameLength = 64;

    /// <summary>
    /// The name written in this node's log lines and on the instances and journal bursts it runs. Default: the machine
    /// name. Give each node its own when several run on one machine.
    /// </summary>
    public string Name { get; set; } = Environment.MachineName;
}
