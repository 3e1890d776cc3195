using System.Collections.Frozen;

namespace GrievanceDesk.Domain.Time;

/// <summary>
/// The working-day calendar built from the holiday table (节假日): weekends are off unless a make-up working day
/// (调休上班), weekdays are working unless a holiday. Immutable and cheap to query: one frozen-dictionary lookup
/// per day, so a few hundred working days take microseconds.
/// </summary>
public sealed class WorkingCalendar : IBusinessCalendar
{
    private readonly FrozenDictionary<DateOnly, CalendarDayKind> _exceptions;

    /// <exception cref="ArgumentException">A date is listed both as a holiday and as a make-up working day.</exception>
    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var exceptions = new Dictionary<DateOnly, CalendarDayKind>();
        foreach (var day in days)
        {
            if (exceptions.TryGetValue(day.Date, out var kind) && kind != day.Kind)
            {
                throw new ArgumentException($"{day.Date:yyyy-MM-dd} is listed both as a holiday and as a make-up working day.", nameof(days));
            }

            exceptions[day.Date] = day.Kind;
        }

        _exceptions = exceptions.ToFrozenDictionary();
    }

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.MakeUpWorkday
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly eventDate, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = eventDate;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    public DateTime DeadlineFrom(DateTime startUtc, SlaDuration duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(duration.Amount, nameof(duration));
        var start = ChinaTime.AsUtc(startUtc);
        var startDate = ChinaTime.DateOf(start);
        return duration.Unit switch
        {
            DurationUnit.Hours => start.AddHours(duration.Amount),
            DurationUnit.WorkingDays => ChinaTime.EndOfDayUtc(AddWorkingDays(startDate, duration.Amount)),
            DurationUnit.CalendarDays => ChinaTime.EndOfDayUtc(this.RollToWorkingDay(startDate.AddDays(duration.Amount))),
            _ => throw new ArgumentOutOfRangeException(nameof(duration), duration.Unit, "Unknown duration unit."),
        };
    }

    // A day-counted deadline is 23:59:59 CST of its day, so counting from it is counting from that day.
    public DateTime Extend(DateTime deadlineUtc, SlaDuration extra) => DeadlineFrom(deadlineUtc, extra);

    public int WorkingDaysBetween(DateTime fromUtc, DateTime toUtc)
    {
        var last = ChinaTime.DateOf(toUtc);
        var count = 0;
        for (var date = ChinaTime.DateOf(fromUtc).AddDays(1); date <= last; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
