using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Sla;

/// <summary>A stretch of time during which the handle clock was stopped (中止), from approval to resumption.</summary>
public readonly record struct PausedSpan(DateTime FromUtc, DateTime ToUtc);

/// <summary>
/// The handle deadline (办理时限) of one handling round, computed from scratch every time (docs/time-and-deadlines.md):
/// paused time does not count, so the days paused (in the handle clock's own unit) and the approved extension days are
/// added to the count, and the deadline is counted once from the start of the round; a calendar-day count is rolled
/// once to a working day. Shifting an already rolled deadline would count a holiday twice.
/// </summary>
public static class HandleClock
{
    public static DateTime Deadline(
        IBusinessCalendar calendar, SlaTerms terms, DateTime startUtc, IEnumerable<PausedSpan> pauses, int extensionDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentOutOfRangeException.ThrowIfNegative(extensionDays);

        var handle = terms.Handle;
        var spans = pauses.Where(p => p.ToUtc > p.FromUtc).ToList();
        if (handle.Unit == DurationUnit.Hours)
        {
            // An hour clock stops for exactly the time paused; extension days then count from its deadline.
            var paused = spans.Aggregate(TimeSpan.Zero, (sum, p) => sum + (ChinaTime.AsUtc(p.ToUtc) - ChinaTime.AsUtc(p.FromUtc)));
            var hoursDeadline = calendar.DeadlineFrom(startUtc, handle) + paused;
            return extensionDays == 0 ? hoursDeadline : calendar.Extend(hoursDeadline, new SlaDuration(extensionDays, terms.ExtensionUnit));
        }

        var pausedDays = spans.Sum(p => PausedDays(calendar, p, handle.Unit));
        var sameUnit = terms.ExtensionUnit == handle.Unit;
        var count = handle.Amount + pausedDays + (sameUnit ? extensionDays : 0);
        var deadline = calendar.DeadlineFrom(startUtc, new SlaDuration(count, handle.Unit));
        return sameUnit || extensionDays == 0 ? deadline : calendar.Extend(deadline, new SlaDuration(extensionDays, terms.ExtensionUnit));
    }

    /// <summary>
    /// Days paused, counted as a period is (民法典 art. 201): the dates strictly after the pause date up to and including
    /// the resume date; working days for a working-day clock, calendar days for a calendar-day clock.
    /// </summary>
    public static int PausedDays(IBusinessCalendar calendar, PausedSpan span, DurationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (span.ToUtc <= span.FromUtc)
        {
            return 0;
        }

        return unit switch
        {
            DurationUnit.WorkingDays => calendar.WorkingDaysBetween(span.FromUtc, span.ToUtc),
            DurationUnit.CalendarDays => ChinaTime.DateOf(span.ToUtc).DayNumber - ChinaTime.DateOf(span.FromUtc).DayNumber,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Hour clocks pause by the exact time, not by days."),
        };
    }
}
