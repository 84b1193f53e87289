using System.Collections;
using System.Collections.Concurrent;
using ElsaM3.Workflows.Expressions;
using Microsoft.Extensions.Options;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace ElsaM3.Workflows.Scriban;

/// <summary>Renders Scriban (or Liquid) templates over the workflow's memory and contributed models.</summary>
public abstract class TemplateEvaluator(IEnumerable<IExpressionModelContributor> contributors, IEnumerable<IScriptFunctions> functions,
    IOptions<TemplateOptions> options) : IScriptEvaluator
{
    // Scriban builds its builtin function table per context unless one is shared. Shared, it is frozen: what one render
    // sets (date.format = …) would otherwise be seen by every later render of every workflow.
    private static readonly ScriptObject SharedBuiltins = SafeBuiltins();

    /// <summary>The names every template's root has of its own; a contributed value (a case key) never replaces one.</summary>
    public static readonly IReadOnlySet<string> RootNames = new HashSet<string>(StringComparer.Ordinal)
        { "Variables", "Input", "CorrelationId", "WorkflowInstanceId", "WorkflowDefinitionId" };

    // A context costs about 21 KB to build and a render over a reused one a few hundred bytes; rendering is
    // synchronous, so each thread keeps one. A render that throws drops its context rather than reuse a broken one.
    [ThreadStatic] private static BudgetedTemplateContext? t_context;
    private readonly ConcurrentDictionary<string, Template> _templates = new();
    private readonly IExpressionModelContributor[] _contributors = contributors.ToArray();
    private readonly IScriptFunctions[] _functions = functions.ToArray();
    private readonly TemplateOptions _limits = options.Value;

    public abstract ExpressionDescriptor Descriptor { get; }

    protected abstract Template Parse(string text);

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken)
    {
        var text = expression.Text;
        if (string.IsNullOrEmpty(text)) return ValueTask.FromResult(ValueConverter.Convert(text, returnType));
        var template = _templates.GetOrAdd(text, Parse);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == global::Scriban.Parsing.ParserMessageType.Error);
            throw new ExpressionException(first.Message, first.Span.Start.Line + 1, first.Span.Start.Column + 1);
        }

        var model = SharedModel(context);
        var templateContext = t_context ?? new BudgetedTemplateContext(SharedBuiltins, _limits);
        t_context = null;
        templateContext.Begin(cancellationToken);
        templateContext.PushGlobal(model);
        // What a template assigns lands here, so a shared model stays as built for the next template.
        templateContext.PushGlobal(new ScriptObject());
        string rendered;
        try
        {
            rendered = template.Render(templateContext);
        }
        catch (Exception e) when (e is ScriptRuntimeException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Scriban reports a cancelled render as its own failure: the engine sees a cancellation.
            throw new OperationCanceledException("The render was cancelled.", e, cancellationToken);
        }
        catch (ScriptRuntimeException e)
        {
            throw new ExpressionException(e.OriginalMessage, e.Span.Start.Line + 1, e.Span.Start.Column + 1, e) { Budget = (e as TemplateBudgetException)?.Budget };
        }
        templateContext.PopGlobal();
        templateContext.PopGlobal();
        templateContext.CancellationToken = CancellationToken.None;
        t_context = templateContext;
        return ValueTask.FromResult(ValueConverter.Convert(rendered, returnType));
    }

    private ScriptObject SharedModel(ExpressionContext context)
    {
        if (context.SharedModels is not { } shared) return BuildModel(context);
        if (shared.TryGetValue(this, out var built)) return (ScriptObject)built;
        var model = BuildModel(context);
        shared[this] = model;
        return model;
    }

    private ScriptObject BuildModel(ExpressionContext context)
    {
        var memory = context.Memory;
        var variables = new ScriptObject();
        foreach (var definition in memory.VariableDefinitions)
            variables[definition.Name] = ToScript(memory.TryGetVariable(definition.Name, out var value) ? value : null);

        var root = new ScriptObject
        {
            ["Variables"] = variables,
            ["Input"] = ToScript(memory.Input.ToDictionary(p => p.Key, p => p.Value)),
            ["CorrelationId"] = memory.CorrelationId,
            ["WorkflowInstanceId"] = memory.WorkflowInstanceId,
            ["WorkflowDefinitionId"] = memory.WorkflowDefinitionId,
        };
        foreach (var function in _functions) function.Import(root);
        var contributed = new Dictionary<string, object?>();
        foreach (var contributor in _contributors) contributor.Contribute(context, contributed);
        foreach (var (key, value) in ExpressionGlobals.Current(memory)) contributed[key] = value;
        // A case key named like a root name or a builtin (a top-level "date" or "string") never hides it.
        foreach (var (key, value) in contributed)
            if (!root.ContainsKey(key) && !SharedBuiltins.ContainsKey(key)) root[key] = ToScript(value);
        return root;
    }

    /// <summary>
    /// Scriban's builtins without <c>object.eval</c> and <c>object.eval_template</c>: they compile a template from a
    /// value, so a template that pipes case data into them would run whatever the case says.
    /// </summary>
    private static ScriptObject SafeBuiltins()
    {
        var builtins = new TemplateContext().BuiltinObject;
        if (builtins["object"] is ScriptObject objectFunctions)
        {
            var safe = new ScriptObject();
            foreach (var (name, function) in objectFunctions)
                if (name is not ("eval" or "eval_template")) safe.SetValue(name, function, readOnly: true);
            builtins.Remove("object");
            builtins.SetValue("object", safe, readOnly: true);
        }
        foreach (var value in builtins.Values)
            if (value is ScriptObject functions) functions.IsReadOnly = true;
        builtins.IsReadOnly = true;
        return builtins;
    }

    /// <summary>Plain dictionaries and lists become Scriban objects and arrays so that <c>a.b</c> and <c>a["b-c"]</c> both work.</summary>
    internal static object? ToScript(object? value)
    {
        switch (value)
        {
            case IDictionary<string, object?> map:
                var obj = new ScriptObject();
                foreach (var (key, item) in map) obj[key] = ToScript(item);
                return obj;
            case string:
                return value;
            case IEnumerable list and not IDictionary:
                var array = new ScriptArray();
                foreach (var item in list) array.Add(ToScript(item));
                return array;
            default:
                return value;
        }
    }
}

/// <summary>Adds functions (for example M3 formatting helpers) to every template's root.</summary>
public interface IScriptFunctions
{
    void Import(ScriptObject root);
}

/// <summary>The <c>Scriban</c> syntax.</summary>
public sealed class ScribanEvaluator(IEnumerable<IExpressionModelContributor> contributors, IEnumerable<IScriptFunctions> functions,
    IOptions<TemplateOptions> options) : TemplateEvaluator(contributors, functions, options)
{
    public override ExpressionDescriptor Descriptor { get; } = new("Scriban", "Scriban", "handlebars");

    protected override Template Parse(string text) => Template.Parse(text);
}

/// <summary>The <c>Liquid</c> syntax, through Scriban's Liquid mode.</summary>
public sealed class LiquidEvaluator(IEnumerable<IExpressionModelContributor> contributors, IEnumerable<IScriptFunctions> functions,
    IOptions<TemplateOptions> options) : TemplateEvaluator(contributors, functions, options)
{
    public override ExpressionDescriptor Descriptor { get; } = new("Liquid", "Liquid", "liquid");

    protected override Template Parse(string text) => Template.ParseLiquid(text);
}
