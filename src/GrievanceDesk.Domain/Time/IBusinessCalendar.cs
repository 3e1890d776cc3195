namespace GrievanceDesk.Domain.Time;

/// <summary>
/// Working-day arithmetic over the holiday calendar, in China Standard Time. Counting follows
/// 民法典 arts. 201–203: a period counted from an event starts the next day; a period whose last
/// day is not a working day ends at the end of the next working day. Implemented by
/// <see cref="WorkingCalendar"/>; the aggregate takes it as a parameter, so tests can move time.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>Weekdays are working days unless a holiday; weekend days are not, unless a make-up working day (调休上班).</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>The date <paramref name="days"/> working days after the event's date (the event's own day does not count).</summary>
    DateOnly AddWorkingDays(DateOnly eventDate, int days);

    /// <summary>
    /// The deadline of a period that starts with an event at <paramref name="startUtc"/>:
    /// working and calendar days end at 23:59:59 CST of their last day (rolled to the next working day);
    /// hours end at the exact instant.
    /// </summary>
    DateTime DeadlineFrom(DateTime startUtc, SlaDuration duration);

    /// <summary>An approved extension: the deadline moved by <paramref name="extra"/>, counted from the old deadline's day.</summary>
    DateTime Extend(DateTime deadlineUtc, SlaDuration extra);

    /// <summary>Working days strictly after the date of <paramref name="fromUtc"/> up to and including the date of <paramref name="toUtc"/> (0 when to ≤ from).</summary>
    int WorkingDaysBetween(DateTime fromUtc, DateTime toUtc);
}
