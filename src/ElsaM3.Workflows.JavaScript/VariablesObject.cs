using ElsaM3.Workflows.Expressions;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>The <c>variables</c> global: <c>variables.X</c> reads and <c>variables.X = v</c> writes workflow variables.</summary>
internal sealed class VariablesObject(Engine engine, Func<IWorkflowMemory> memory) : ObjectInstance(engine)
{
    public override JsValue Get(JsValue property, JsValue receiver)
    {
        if (property.IsString() && memory().TryGetVariable(property.AsString(), out var value))
            return JsValues.FromPlain(Engine, value);
        return base.Get(property, receiver);
    }

    public override bool Set(JsValue property, JsValue value, JsValue receiver)
    {
        if (!property.IsString()) return base.Set(property, value, receiver);
        memory().SetVariable(property.AsString(), JsValues.ToPlain(value));
        return true;
    }

    public override PropertyDescriptor GetOwnProperty(JsValue property)
    {
        if (property.IsString() && memory().TryGetVariable(property.AsString(), out var value))
            return new PropertyDescriptor(JsValues.FromPlain(Engine, value), PropertyFlag.ConfigurableEnumerableWritable);
        return base.GetOwnProperty(property);
    }

    public override List<JsValue> GetOwnPropertyKeys(Jint.Runtime.Types types = Jint.Runtime.Types.String | Jint.Runtime.Types.Symbol) =>
        memory().VariableDefinitions.Select(v => (JsValue)v.Name).ToList();
}
