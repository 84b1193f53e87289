using Script = Acornima.Ast.Script;
using ElsaM3.Workflows.Expressions;
using Jint;
using Jint.Native;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>One Jint engine with Elsa's globals, reused for every evaluation of one execution burst.</summary>
internal sealed class JavaScriptSession
{
    /// <summary>Where <c>setOutcome</c>/<c>setOutcomes</c> leave the outcomes a Run JavaScript script chose.</summary>
    public const string OutcomesKey = "JavaScript.Outcomes";

    private readonly Engine _engine;
    private readonly HashSet<string> _inputAccessors = [];
    private ExpressionContext _current = null!;

    private JavaScriptSession(ExpressionContext context, JavaScriptOptions options, CancellationToken cancellationToken)
    {
        _engine = new Engine(o =>
        {
            o.TimeoutInterval(options.Timeout)
                .MaxStatements(options.MaxStatements)
                .LimitMemory(options.MemoryLimitBytes)
                .LimitRecursion(options.RecursionLimit)
                .RegexTimeoutInterval(options.Timeout)
                .CancellationToken(cancellationToken);
            o.Constraints.MaxArraySize = LargeAllocationGuard.MaxArrayLength(options.MemoryLimitBytes);
        });
        LargeAllocationGuard.Install(_engine, options.MemoryLimitBytes);
        var memory = context.Memory;
        _engine.SetValue("getVariable", (Func<string, JsValue>)(name => ToJs(Memory.TryGetVariable(name, out var v) ? v : null)));
        _engine.SetValue("setVariable", (Action<string, JsValue>)((name, value) => Memory.SetVariable(name, JsValues.ToPlain(value))));
        _engine.SetValue("getInput", (Func<string, JsValue>)(name => ToJs(Input(name))));
        _engine.SetValue("getOutputFrom", (Func<string, string, JsValue>)((activity, output) => ToJs(Memory.GetActivityOutput(activity, output))));
        _engine.SetValue("getLastResult", (Func<JsValue>)(() => ToJs(Memory.LastResult)));
        _engine.SetValue("getWorkflowInstanceId", (Func<string>)(() => Memory.WorkflowInstanceId));
        _engine.SetValue("getWorkflowDefinitionId", (Func<string>)(() => Memory.WorkflowDefinitionId));
        _engine.SetValue("getCorrelationId", (Func<string?>)(() => Memory.CorrelationId));
        _engine.SetValue("setCorrelationId", (Action<string?>)(value => Memory.CorrelationId = value));
        _engine.SetValue("variables", new VariablesObject(_engine, () => Memory));
        // Run JavaScript's outcomes; it takes them from the burst's items after the script.
        _engine.SetValue("setOutcome", (Action<JsValue>)(value => Memory.RunItems[OutcomesKey] = new List<string> { value.ToString() }));
        _engine.SetValue("setOutcomes", (Action<JsValue>)(value => Memory.RunItems[OutcomesKey] =
            (JsValues.ToPlain(value) as IEnumerable<object?> ?? []).Select(o => o?.ToString() ?? "").ToList()));

        AddVariableAccessors(memory.VariableDefinitions);
    }

    /// <summary>The variables whose <c>getX</c>/<c>setX</c> exist: those of the workflow, then of each embedded workflow met.</summary>
    private IReadOnlyList<Definitions.VariableDefinition>? _accessorsFor;
    private readonly HashSet<string> _variableAccessors = [];

    private void AddVariableAccessors(IReadOnlyList<Definitions.VariableDefinition> variables)
    {
        _accessorsFor = variables;
        foreach (var variable in variables)
        {
            var name = variable.Name;
            if (!IsIdentifier(name) || !_variableAccessors.Add(name)) continue;
            // Elsa names them after the PascalCase name ("counter" → getCounter); the name as written works too.
            foreach (var accessor in AccessorNames(name))
            {
                _engine.SetValue($"get{accessor}", (Func<JsValue>)(() => ToJs(Memory.TryGetVariable(name, out var v) ? v : null)));
                _engine.SetValue($"set{accessor}", (Action<JsValue>)(value => Memory.SetVariable(name, JsValues.ToPlain(value))));
            }
        }
    }

    private IWorkflowMemory Memory => _current.Memory;

    public static JavaScriptSession For(ExpressionContext context, JavaScriptOptions options, CancellationToken cancellationToken)
    {
        var items = context.Memory.RunItems;
        if (items.TryGetValue(typeof(JavaScriptSession), out var existing)) return (JavaScriptSession)existing;
        var session = new JavaScriptSession(context, options, cancellationToken);
        items[typeof(JavaScriptSession)] = session;
        return session;
    }

    public JsValue Evaluate(in Prepared<Script> script, ExpressionContext context, (string Accessor, string Output, string Activity)[] outputAccessors)
    {
        _current = context;
        foreach (var (accessor, output, activity) in outputAccessors)
            if (_engine.GetValue(accessor).IsUndefined())
                _engine.SetValue(accessor, (Func<JsValue>)(() => ToJs(Memory.GetActivityOutput(activity, output))));
        if (!ReferenceEquals(context.Memory.VariableDefinitions, _accessorsFor)) AddVariableAccessors(context.Memory.VariableDefinitions);
        foreach (var name in context.Memory.Input.Keys)
        {
            if (!IsIdentifier(name) || !_inputAccessors.Add(name)) continue;
            // Declared inputs are PascalCase ("getResidentName") while JSON callers often send camelCase keys.
            foreach (var accessor in AccessorNames(name)) AddInputAccessor(accessor, name);
        }
        var globals = ExpressionGlobals.Current(context.Memory);
        if (globals.Count == 0) return _engine.Evaluate(script);
        foreach (var (name, value) in globals) _engine.SetValue(name, ToJs(value));
        try
        {
            return _engine.Evaluate(script);
        }
        finally
        {
            // Shown for this activity's expressions only: the next evaluation in the burst must not see them.
            foreach (var name in globals.Keys) _engine.Global.RemoveOwnProperty(name);
        }
    }

    private void AddInputAccessor(string accessorName, string inputName)
    {
        if (_engine.GetValue($"get{accessorName}").IsUndefined())
            _engine.SetValue($"get{accessorName}", (Func<JsValue>)(() => ToJs(Input(inputName))));
    }

    private object? Input(string name) => Memory.Input.TryGetValue(name, out var value) ? value
        : Memory.Input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private JsValue ToJs(object? value) => JsValues.FromPlain(_engine, value);

    /// <summary>The names <c>get…</c>/<c>set…</c> accessors take for a variable or input: as written, and PascalCase as Elsa writes them.</summary>
    private static string[] AccessorNames(string name) => char.IsLower(name[0]) ? [name, char.ToUpperInvariant(name[0]) + name[1..]] : [name];

    internal static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
}
