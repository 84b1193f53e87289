using ElsaM3.Workflows.Descriptors;
using ElsaM3.Workflows.Primitives;
using ElsaM3.Workflows.Tests.Support;

namespace ElsaM3.Workflows.Tests.Descriptors;

public sealed class ActivityDescriberTests
{
    [Fact]
    public void Describe_BuildsStudioDescriptor_FromAttributesAndInputClass()
    {
        var type = ActivityDescriber.Describe(typeof(ElsaM3.Workflows.Tests.Support.Record));
        var d = type.Descriptor;

        d.TypeName.ShouldBe("Test.Record");
        d.Namespace.ShouldBe("Test");
        d.Name.ShouldBe("Record");
        d.Category.ShouldBe("Test");
        d.Kind.ShouldBe("Action");
        d.Ports.Select(p => p.Name).ShouldBe(["Done", "A", "B"]);
        var label = d.Inputs.Single(i => i.Name == "Label");
        label.TypeName.ShouldBe("String");
        label.IsWrapped.ShouldBeTrue();
        label.IsBrowsable.ShouldBeTrue();
        label.UIHint.ShouldBe("singleline");
        label.DefaultSyntax.ShouldBe("Literal");
        d.Inputs.Single(i => i.Name == "Outcomes").TypeName.ShouldBe("String[]");
        d.Outputs.Single().Name.ShouldBe("Result");
        type.Inputs.Single(i => i.Name == "Label").JsonName.ShouldBe("label");
    }

    [Fact]
    public void Describe_DerivesUiHintsDefaultsAndDropdowns()
    {
        var delay = ActivityDescriber.Describe(typeof(Delay)).Descriptor;
        delay.Inputs.Single().DefaultValue.ShouldBe("00:01:00");

        var join = ActivityDescriber.Describe(typeof(FlowJoin)).Descriptor;
        var mode = join.Inputs.Single();
        mode.UIHint.ShouldBe("dropdown");
        mode.DefaultValue.ShouldBe("WaitAny");
        mode.UISpecifications!["dropdown"]!["selectList"]!["items"]!.AsArray().Count.ShouldBe(3);

        var decision = ActivityDescriber.Describe(typeof(FlowDecision)).Descriptor;
        decision.DisplayName.ShouldBe("Decision");
        decision.Ports.Select(p => p.Name).ShouldBe(["True", "False"]);

        var setVariable = ActivityDescriber.Describe(typeof(SetVariable)).Descriptor;
        setVariable.Inputs.Single(i => i.Name == "Variable").IsWrapped.ShouldBeFalse();
    }

    [Fact]
    public void Describe_MarksStartAndTerminalNodes()
    {
        ActivityDescriber.Describe(typeof(Start)).Descriptor.IsStart.ShouldBeTrue();
        ActivityDescriber.Describe(typeof(End)).Descriptor.IsTerminal.ShouldBeTrue();
        ActivityDescriber.Describe(typeof(Finish)).Descriptor.IsTerminal.ShouldBeTrue();
    }

    [Fact]
    public void Humanize_SplitsWords()
    {
        ActivityDescriber.Humanize("WriteHttpResponse").ShouldBe("Write Http Response");
        ActivityDescriber.Humanize("UpdateAttributeByUPRN").ShouldBe("Update Attribute By UPRN");
    }

    [Fact]
    public void Registry_ListsBuiltInsAndFlowchart()
    {
        using var host = new WorkflowTestHost();

        var names = host.Registry.All.Select(t => t.TypeName).ToList();

        names.ShouldContain("Elsa.Flowchart");
        foreach (var builtIn in new[] { "Start", "End", "Finish", "Fault", "WriteLine", "SetVariable", "FlowDecision", "FlowSwitch", "FlowFork", "FlowJoin", "Delay" })
            names.ShouldContain($"Elsa.{builtIn}");
    }
}
