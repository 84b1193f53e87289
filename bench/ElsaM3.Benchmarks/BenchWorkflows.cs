namespace ElsaM3.Benchmarks;

/// <summary>The three benchmark workflows as Elsa JSON; the WorkflowCore twins are in <see cref="WorkflowCoreWorkflows"/>.</summary>
internal static class BenchWorkflows
{
    /// <summary>10 WriteLine activities in a row: 10 activities.</summary>
    public static string Sequential()
    {
        var activities = Enumerable.Range(1, 10).Select(i => WriteLine($"w{i}")).ToList();
        var connections = Enumerable.Range(1, 9).Select(i => Connection($"w{i}", $"w{i + 1}")).ToList();
        return Definition("sequential", activities, connections);
    }

    /// <summary>Fork into two branches of two WriteLines, WaitAll join, one WriteLine after: 7 activities.</summary>
    public static string ForkJoin()
    {
        var activities = new List<string>
        {
            """{"id":"fork","type":"Elsa.FlowFork","version":1,"branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}}}""",
            WriteLine("a1"), WriteLine("a2"), WriteLine("b1"), WriteLine("b2"),
            """{"id":"join","type":"Elsa.FlowJoin","version":1,"mode":{"typeName":"FlowJoinMode","expression":{"type":"Literal","value":"WaitAll"}}}""",
            WriteLine("after"),
        };
        var connections = new List<string>
        {
            Connection("fork", "a1", "A"), Connection("a1", "a2"), Connection("a2", "join"),
            Connection("fork", "b1", "B"), Connection("b1", "b2"), Connection("b2", "join"),
            Connection("join", "after"),
        };
        return Definition("fork-join", activities, connections);
    }

    /// <summary>SetVariable (JavaScript) and FlowDecision (JavaScript) looped 50 times through a backward connection, then a WriteLine: 101 activities.</summary>
    public static string Loop()
    {
        var activities = new List<string>
        {
            """{"id":"inc","type":"Elsa.SetVariable","version":1,"variable":{"id":"counter","name":"Counter","typeName":"Int32"},"value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getCounter() + 1"}}}""",
            """{"id":"check","type":"Elsa.FlowDecision","version":1,"condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getCounter() < 50"}}}""",
            WriteLine("done"),
        };
        var connections = new List<string> { Connection("inc", "check"), Connection("check", "inc", "True"), Connection("check", "done", "False") };
        return Definition("loop", activities, connections, """[{"id":"counter","name":"Counter","typeName":"Int32","isArray":false,"value":"0"}]""");
    }

    /// <summary>The child of <see cref="CompositeParent"/>: three WriteLines.</summary>
    public static string CompositeChild()
    {
        var activities = new List<string> { WriteLine("c1"), WriteLine("c2"), WriteLine("c3") };
        var connections = new List<string> { Connection("c1", "c2"), Connection("c2", "c3") };
        return Definition("child", activities, connections);
    }

    /// <summary>
    /// A parent running <see cref="CompositeChild"/> three times in a row: 15 activities (per call the workflow activity,
    /// the child's flowchart and its three WriteLines).
    /// </summary>
    public static string CompositeParent()
    {
        var activities = Enumerable.Range(1, 3)
            .Select(i => "{\"id\":\"call" + i + "\",\"type\":\"Child\",\"version\":1,\"workflowDefinitionId\":\"child\",\"workflowDefinitionVersionId\":\"child-1\"}")
            .ToList();
        var connections = new List<string> { Connection("call1", "call2"), Connection("call2", "call3") };
        return Definition("composite", activities, connections);
    }

    /// <summary>
    /// A ForEach over 1,000 numbers whose body is one WriteLine of <c>getCurrentValue()</c> (JavaScript): 2,001 activities
    /// (the ForEach, and per item the body's WriteLine and the ForEach's turn).
    /// </summary>
    public static string ForEach1000()
    {
        var items = "[" + string.Join(",", Enumerable.Range(1, 1000)) + "]";
        var loop = """
            {"id":"loop","type":"Elsa.ForEach","version":1,
             "items":{"typeName":"Object","expression":{"type":"Object","value":"ITEMS"}},
             "body":{"id":"say","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"JavaScript","value":"'' + getCurrentValue()"}}}}
            """.Replace("ITEMS", items);
        return Definition("for-each", [loop], []);
    }

    private static string WriteLine(string id) =>
        "{\"id\":\"" + id + "\",\"type\":\"Elsa.WriteLine\",\"version\":1,\"text\":{\"typeName\":\"String\",\"expression\":{\"type\":\"Literal\",\"value\":\"" + id + "\"}}}";

    private static string Connection(string source, string target, string port = "Done") =>
        $$$"""{"source":{"activity":"{{{source}}}","port":"{{{port}}}"},"target":{"activity":"{{{target}}}","port":"In"}}""";

    private static string Definition(string id, List<string> activities, List<string> connections, string variables = "[]") =>
        $$$"""
        {"id":"{{{id}}}-1","definitionId":"{{{id}}}","name":"{{{id}}}","version":1,"variables":{{{variables}}},
         "root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[{{{string.Join(",", activities)}}}],"connections":[{{{string.Join(",", connections)}}}]}}
        """;
}
