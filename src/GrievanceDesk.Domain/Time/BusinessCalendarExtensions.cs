namespace GrievanceDesk.Domain.Time;

/// <summary>Date arithmetic that needs nothing from a calendar but <see cref="IBusinessCalendar.IsWorkingDay"/>.</summary>
public static class BusinessCalendarExtensions
{
    /// <summary>民法典 art. 203: a last day that is not a working day rolls to the next working day.</summary>
    public static DateOnly RollToWorkingDay(this IBusinessCalendar calendar, DateOnly date)
    {
        while (!calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The date <paramref name="days"/> working days before <paramref name="date"/> (the date itself does not count),
    /// so that <c>AddWorkingDays(SubtractWorkingDays(w, n), n) == w</c> for every working day <c>w</c>.
    /// </summary>
    public static DateOnly SubtractWorkingDays(this IBusinessCalendar calendar, DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }
}
