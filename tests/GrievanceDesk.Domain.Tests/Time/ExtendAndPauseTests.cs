using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Time;

public class ExtendAndPauseTests
{
    private static readonly WorkingCalendar Calendar = Cst.OfficialCalendar2025And2026;

    [Theory]
    [InlineData("2026-09-28", 30, DurationUnit.CalendarDays, "2026-10-28")]
    [InlineData("2026-09-28", 3, DurationUnit.CalendarDays, "2026-10-08")] // lands on 10-01: rolls past National Day
    [InlineData("2026-09-30", 5, DurationUnit.WorkingDays, "2026-10-13")]
    [InlineData("2026-02-13", 2, DurationUnit.WorkingDays, "2026-02-24")] // make-up Saturday 02-14, then 春节
    public void An_extension_counts_from_the_old_deadline_day(string oldDeadline, int amount, DurationUnit unit, string expected) =>
        Calendar.Extend(Cst.EndOf(oldDeadline), new SlaDuration(amount, unit)).ShouldBe(Cst.EndOf(expected));

    [Fact]
    public void An_extension_in_hours_adds_exactly_those_hours()
    {
        Calendar.Extend(Cst.At("2026-09-30 22:00"), SlaDuration.Hours(8)).ShouldBe(Cst.At("2026-10-01 06:00"));
    }

    [Fact]
    public void An_extension_in_days_of_an_hour_deadline_ends_at_the_end_of_a_day()
    {
        Calendar.Extend(Cst.At("2026-09-30 10:00"), SlaDuration.WorkingDays(1)).ShouldBe(Cst.EndOf("2026-10-08"));
    }

    [Theory]
    [InlineData("2026-03-09 10:00", "2026-03-13 15:00", 4)] // Monday to Friday of an ordinary week
    [InlineData("2026-03-09 10:00", "2026-03-09 17:00", 0)] // the same day
    [InlineData("2026-03-13 17:00", "2026-03-16 09:00", 1)] // Friday to Monday: Monday
    [InlineData("2026-03-13 17:00", "2026-03-15 09:00", 0)] // Friday to Sunday: only the weekend
    [InlineData("2026-09-18 17:00", "2026-09-21 09:00", 2)] // make-up Sunday 09-20 and Monday
    [InlineData("2026-09-29 10:00", "2026-10-09 10:00", 3)] // across National Day: 09-30, 10-08, 10-09
    [InlineData("2026-03-09 23:59:59", "2026-03-10 00:00", 1)] // day-granular: crossing midnight CST counts the day
    [InlineData("2026-03-13 15:00", "2026-03-09 10:00", 0)] // backwards
    public void WorkingDaysBetween_counts_the_dates_after_the_first_up_to_and_including_the_second(string from, string to, int expected) =>
        Calendar.WorkingDaysBetween(Cst.At(from), Cst.At(to)).ShouldBe(expected);
}
