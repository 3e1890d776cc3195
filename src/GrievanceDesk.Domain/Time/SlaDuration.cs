namespace GrievanceDesk.Domain.Time;

/// <summary>How a period is counted. Which clock counts which is policy data, not code (docs/product.md §4).</summary>
public enum DurationUnit
{
    /// <summary>日: calendar days; a last day that is not a working day rolls to the next working day.</summary>
    CalendarDays,

    /// <summary>工作日: working days from the holiday calendar.</summary>
    WorkingDays,

    /// <summary>Elapsed hours; the deadline is the exact instant.</summary>
    Hours,
}

/// <summary>A period of an SLA stage, e.g. 60 calendar days or 5 working days.</summary>
public readonly record struct SlaDuration(int Amount, DurationUnit Unit)
{
    public static SlaDuration CalendarDays(int n) => new(n, DurationUnit.CalendarDays);
    public static SlaDuration WorkingDays(int n) => new(n, DurationUnit.WorkingDays);
    public static SlaDuration Hours(int n) => new(n, DurationUnit.Hours);

    public override string ToString() => Unit switch
    {
        DurationUnit.CalendarDays => $"{Amount}日",
        DurationUnit.WorkingDays => $"{Amount}个工作日",
        _ => $"{Amount}小时",
    };
}
