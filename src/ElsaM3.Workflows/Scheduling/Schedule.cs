using Cronos;

namespace ElsaM3.Workflows.Scheduling;

/// <summary>When a Timer, Cron or StartAt falls due: the next time after a given one, or none (a StartAt that has passed).</summary>
public abstract record Schedule
{
    /// <summary>The first due time after <paramref name="after"/>; <c>null</c> when there is none.</summary>
    public abstract DateTimeOffset? NextAfter(DateTimeOffset after);

    /// <summary>Whether it falls due again after firing (Timer, Cron) or only once (StartAt).</summary>
    public abstract bool Recurs { get; }

    /// <summary>Every <see cref="Interval"/>, counted from the time it was armed.</summary>
    public sealed record Every(TimeSpan Interval) : Schedule
    {
        public override DateTimeOffset? NextAfter(DateTimeOffset after) => after + Interval;
        public override bool Recurs => true;
    }

    /// <summary>
    /// A cron expression, in UTC: six fields (with seconds, as Elsa writes them) or the usual five.
    /// </summary>
    public sealed record Cron(CronExpression Expression) : Schedule
    {
        public static Cron Parse(string expression)
        {
            var text = expression.Trim();
            var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            try
            {
                return new Cron(CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard));
            }
            catch (CronFormatException e)
            {
                throw new InvalidOperationException($"'{expression}' is not a cron expression: {e.Message}", e);
            }
        }

        public override DateTimeOffset? NextAfter(DateTimeOffset after) => Expression.GetNextOccurrence(after, TimeZoneInfo.Utc);
        public override bool Recurs => true;
    }

    /// <summary>Once, at <see cref="At"/>.</summary>
    public sealed record Once(DateTimeOffset At) : Schedule
    {
        public override DateTimeOffset? NextAfter(DateTimeOffset after) => At > after ? At : null;
        public override bool Recurs => false;
    }
}
