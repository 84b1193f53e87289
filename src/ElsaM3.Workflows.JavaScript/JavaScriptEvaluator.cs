using System.Collections.Concurrent;
using Acornima.Ast;
using Expression = ElsaM3.Workflows.Expressions.Expression;
using ElsaM3.Workflows.Execution;
using ElsaM3.Workflows.Expressions;
using Jint;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace ElsaM3.Workflows.JavaScript;

/// <summary>
/// The <c>JavaScript</c> syntax. Unlike Elsa, which builds a new engine with all its globals for every
/// evaluation, one engine serves a whole execution burst and each script is parsed once per process.
/// </summary>
public sealed class JavaScriptEvaluator(IOptions<JavaScriptOptions> options) : IScriptEvaluator
{
    private static readonly ConcurrentDictionary<string, Prepared<Script>> Scripts = new();

    // Elsa's scripts may end in a top-level "return x;" (its files use it): that is the value.
    private static readonly ScriptPreparationOptions Preparation = new()
    {
        ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
    };
    private readonly JavaScriptOptions _options = options.Value;

    public ExpressionDescriptor Descriptor { get; } = new("JavaScript", "JavaScript", "javascript");

    public ValueTask<object?> EvaluateAsync(Expression expression, Type returnType, ExpressionContext context, CancellationToken cancellationToken)
    {
        var code = expression.Text;
        if (string.IsNullOrWhiteSpace(code)) return ValueTask.FromResult(ValueConverter.Convert(null, returnType));

        var session = JavaScriptSession.For(context, _options, cancellationToken);
        try
        {
            var script = Scripts.GetOrAdd(code, static c => Engine.PrepareScript(c, strict: false, options: Preparation));
            var result = session.Evaluate(script, context, OutputAccessors.In(code));
            return ValueTask.FromResult(ValueConverter.Convert(JsValues.ToPlain(result), returnType));
        }
        catch (ScriptPreparationException e) when (e.InnerException is Acornima.ParseErrorException parse)
        {
            throw new ExpressionException($"Syntax error: {parse.Description}", parse.LineNumber, parse.Column + 1, e);
        }
        catch (JavaScriptException e)
        {
            throw new ExpressionException(e.Message, e.Location.Start.Line, e.Location.Start.Column + 1, e);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException e)
        {
            throw new ExpressionException($"A regular expression ran longer than {_options.Timeout.TotalMilliseconds:0} ms.", inner: e);
        }
        catch (TimeoutException e)
        {
            throw new ExpressionException($"The script ran longer than {_options.Timeout.TotalMilliseconds:0} ms.", inner: e) { Budget = WorkflowBudget.Time };
        }
        catch (StatementsCountOverflowException e)
        {
            throw new ExpressionException($"The script ran more than {_options.MaxStatements} statements.", inner: e);
        }
        catch (MemoryLimitExceededException e)
        {
            throw new ExpressionException($"The script used more than {_options.MemoryLimitBytes} bytes.", inner: e) { Budget = WorkflowBudget.Memory };
        }
        catch (RecursionDepthOverflowException e)
        {
            throw new ExpressionException($"The script recursed deeper than {_options.RecursionLimit} calls.", inner: e);
        }
        catch (ExecutionCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
