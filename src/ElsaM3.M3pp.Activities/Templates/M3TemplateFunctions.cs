using System.Globalization;
using ElsaM3.M3pp.Formats;
using ElsaM3.Workflows.Scriban;
using Scriban.Runtime;

namespace ElsaM3.M3pp.Activities.Templates;

/// <summary>
/// The <c>m3</c> helpers every template sees, for M3's formats:
/// <c>{{ dates.created | m3.datetime }}</c> → <c>2025-03-14T22:47:00+00:00</c> (Europe/London unless the value has an offset),
/// <c>m3.date</c> → <c>2025-03-14</c>, <c>{{ fields.assisted | m3.yn }}</c> → <c>Y</c>/<c>N</c>,
/// <c>m3.uprn</c> → the canonical UPRN, <c>m3.choice_value</c> / <c>m3.choice_label</c> for a choice field.
/// A value the helper cannot convert is a template error (with line and column).
/// </summary>
public sealed class M3TemplateFunctions : IScriptFunctions
{
    private static readonly ScriptObject Functions = Build();

    public void Import(ScriptObject root) => root["m3"] = Functions;

    private static ScriptObject Build()
    {
        var functions = new ScriptObject();
        functions.Import(typeof(M3Formats));
        return functions;
    }

    /// <summary>The functions (Scriban renames them to snake case: <c>choice_label</c>).</summary>
    public static class M3Formats
    {
        public static string Datetime(object? value) => value switch
        {
            DateTimeOffset offset => M3DateTime.Format(offset),
            DateTime local when local.Kind == DateTimeKind.Utc => M3DateTime.Format(new DateTimeOffset(local)),
            DateTime local => M3DateTime.TryFromLondon(local, out var instant, out var error) ? M3DateTime.Format(instant) : throw new FormatException(error),
            _ => M3DateTime.TryParse(Text(value), out var parsed, out var error) ? M3DateTime.Format(parsed) : throw new FormatException($"m3.datetime: the value {error}."),
        };

        public static string Date(object? value)
        {
            if (M3DateTime.TryParseDate(Text(value), out var date)) return M3DateTime.FormatDate(date);
            return M3DateTime.FormatDate(M3DateTime.LondonDate(DateTimeOffset.Parse(Datetime(value), CultureInfo.InvariantCulture)));
        }

        public static string Yn(object? value) => Text(value).Trim().ToLowerInvariant() switch
        {
            "true" or "y" or "yes" or "1" or "on" => "Y",
            "false" or "n" or "no" or "0" or "off" or "" => "N",
            var other => throw new FormatException($"m3.yn: '{other}' is not a yes/no value."),
        };

        public static string Uprn(object? value) =>
            ElsaM3.M3pp.Identifiers.Uprn.TryParse(Text(value), out var uprn, out var error) ? uprn.Value.ToString() : throw new FormatException($"m3.uprn: UPRN {error}.");

        public static object? ChoiceValue(object? value) => value is ScriptObject choice && choice.ContainsKey("value") ? choice["value"] : value;

        public static object? ChoiceLabel(object? value) => value is ScriptObject choice && choice.ContainsKey("label") ? choice["label"] : value;

        private static string Text(object? value) => value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
