using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Time;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = Cst.OfficialCalendar2025And2026;

    public static TheoryData<string> EveryHolidayDate() => new(OfficialCalendarTests.HolidayDates().Select(d => d.ToString("yyyy-MM-dd")));

    public static TheoryData<string> EveryMakeUpWorkday() => new(OfficialCalendarTests.MakeUpWorkdays);

    [Theory]
    [MemberData(nameof(EveryHolidayDate))]
    public void A_holiday_is_not_a_working_day(string date) =>
        Calendar.IsWorkingDay(Cst.Date(date)).ShouldBeFalse();

    [Theory]
    [MemberData(nameof(EveryMakeUpWorkday))]
    public void A_make_up_weekend_day_is_a_working_day(string date) =>
        Calendar.IsWorkingDay(Cst.Date(date)).ShouldBeTrue();

    [Fact]
    public void Every_other_day_of_2025_and_2026_follows_the_ordinary_week()
    {
        var holidays = OfficialCalendarTests.HolidayDates().ToHashSet();
        var makeUps = OfficialCalendarTests.MakeUpWorkdays.Select(Cst.Date).ToHashSet();

        var wrong = OfficialCalendarTests.DaysFrom(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31))
            .Where(date => Calendar.IsWorkingDay(date) != ExpectedWorking(date))
            .ToList();

        wrong.ShouldBeEmpty();

        bool ExpectedWorking(DateOnly date) =>
            makeUps.Contains(date) || (!holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
    }

    [Theory]
    [InlineData("2024-12-31", 1, "2025-01-02")] // 元旦 2025
    [InlineData("2025-01-24", 1, "2025-01-26")] // 春节 2025: the Sunday before is worked
    [InlineData("2025-01-24", 2, "2025-01-27")]
    [InlineData("2025-01-24", 3, "2025-02-05")]
    [InlineData("2025-01-27", 4, "2025-02-08")] // ... and the Saturday after
    [InlineData("2025-01-27", 5, "2025-02-10")]
    [InlineData("2025-04-03", 1, "2025-04-07")] // 清明节 2025
    [InlineData("2025-04-25", 1, "2025-04-27")] // 劳动节 2025: Sunday 04-27 is worked
    [InlineData("2025-04-30", 1, "2025-05-06")]
    [InlineData("2025-05-30", 1, "2025-06-03")] // 端午节 2025
    [InlineData("2025-09-26", 1, "2025-09-28")] // 国庆节 2025: Sunday 09-28 is worked
    [InlineData("2025-09-30", 1, "2025-10-09")]
    [InlineData("2025-09-30", 3, "2025-10-11")] // ... and Saturday 10-11
    [InlineData("2025-09-30", 4, "2025-10-13")]
    [InlineData("2025-12-31", 1, "2026-01-04")] // 元旦 2026: Sunday 01-04 is worked
    [InlineData("2025-12-31", 2, "2026-01-05")]
    [InlineData("2026-02-13", 1, "2026-02-14")] // 春节 2026: Saturday 02-14 is worked
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-02-14", 5, "2026-02-28")] // ... and Saturday 02-28
    [InlineData("2026-02-14", 6, "2026-03-02")]
    [InlineData("2026-04-03", 1, "2026-04-07")] // 清明节 2026
    [InlineData("2026-04-30", 1, "2026-05-06")] // 劳动节 2026
    [InlineData("2026-04-30", 4, "2026-05-09")] // Saturday 05-09 is worked
    [InlineData("2026-04-30", 5, "2026-05-11")]
    [InlineData("2026-06-18", 1, "2026-06-22")] // 端午节 2026
    [InlineData("2026-09-18", 1, "2026-09-20")] // Sunday 09-20 is worked (国庆节 2026)
    [InlineData("2026-09-24", 1, "2026-09-28")] // 中秋节 2026
    [InlineData("2026-09-30", 1, "2026-10-08")] // 国庆节 2026
    [InlineData("2026-09-30", 5, "2026-10-13")] // docs/product.md §4 example: Saturday 10-10 is worked
    [InlineData("2026-10-03", 1, "2026-10-08")] // an event on a holiday counts from the next working day
    [InlineData("2026-03-06", 1, "2026-03-09")] // an ordinary weekend
    [InlineData("2026-03-06", 0, "2026-03-06")]
    public void AddWorkingDays_skips_holidays_and_weekends_but_counts_make_up_days(string eventDate, int days, string expected) =>
        Calendar.AddWorkingDays(Cst.Date(eventDate), days).ShouldBe(Cst.Date(expected));

    [Fact]
    public void Section_4_example_5_working_days_from_an_event_on_2026_09_30_end_on_10_13_at_23_59_59_CST()
    {
        var deadline = Calendar.DeadlineFrom(Cst.At("2026-09-30 10:00"), SlaDuration.WorkingDays(5));

        deadline.ShouldBe(Cst.At("2026-10-13 23:59:59"));
        deadline.ShouldBe(Cst.Utc("2026-10-13T15:59:59Z"));
        deadline.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Section_4_example_3_calendar_days_from_2026_09_30_end_on_a_holiday_so_roll_to_10_08()
    {
        var deadline = Calendar.DeadlineFrom(Cst.At("2026-09-30 10:00"), SlaDuration.CalendarDays(3));

        deadline.ShouldBe(Cst.At("2026-10-08 23:59:59"));
    }

    [Theory]
    [InlineData("2024-12-30", 2, "2025-01-02")] // into 元旦 2025
    [InlineData("2025-01-20", 5, "2025-01-26")] // a Saturday rolls to the make-up Sunday
    [InlineData("2025-01-25", 5, "2025-02-05")] // into 春节 2025
    [InlineData("2025-04-01", 3, "2025-04-07")] // into 清明节 2025
    [InlineData("2025-04-28", 5, "2025-05-06")] // into 劳动节 2025
    [InlineData("2025-05-30", 1, "2025-06-03")] // into 端午节 2025
    [InlineData("2025-09-30", 8, "2025-10-09")] // into 国庆节 2025
    [InlineData("2025-09-30", 11, "2025-10-11")] // a make-up Saturday does not roll
    [InlineData("2025-12-31", 1, "2026-01-04")] // into 元旦 2026, rolls to the make-up Sunday
    [InlineData("2026-02-14", 1, "2026-02-24")] // into 春节 2026
    [InlineData("2026-04-03", 3, "2026-04-07")] // into 清明节 2026
    [InlineData("2026-04-30", 2, "2026-05-06")] // into 劳动节 2026
    [InlineData("2026-06-18", 1, "2026-06-22")] // into 端午节 2026
    [InlineData("2026-09-24", 1, "2026-09-28")] // into 中秋节 2026
    [InlineData("2026-09-30", 3, "2026-10-08")] // into 国庆节 2026
    [InlineData("2026-03-05", 2, "2026-03-09")] // an ordinary Saturday
    [InlineData("2026-03-02", 3, "2026-03-05")] // a working last day stays put
    public void Calendar_days_ending_on_a_day_off_roll_to_the_end_of_the_next_working_day(string eventDate, int days, string expected) =>
        Calendar.DeadlineFrom(Cst.At($"{eventDate} 09:30"), SlaDuration.CalendarDays(days)).ShouldBe(Cst.EndOf(expected));

    [Fact]
    public void Hours_end_at_the_exact_instant_even_over_a_holiday()
    {
        var start = Cst.At("2026-09-30 22:15:30.25");

        Calendar.DeadlineFrom(start, SlaDuration.Hours(24)).ShouldBe(Cst.At("2026-10-01 22:15:30.25"));
        Calendar.DeadlineFrom(start, SlaDuration.Hours(2)).ShouldBe(Cst.At("2026-10-01 00:15:30.25"));
    }

    [Theory]
    [InlineData("2026-09-22T15:59:59Z", "2026-09-23")] // Tuesday 23:59:59 CST: the period starts Wednesday
    [InlineData("2026-09-22T16:00:00Z", "2026-09-24")] // Wednesday 00:00:00 CST: the period starts Thursday
    public void The_event_day_is_the_CST_date_of_the_instant(string startUtc, string expected) =>
        Calendar.DeadlineFrom(Cst.Utc(startUtc), SlaDuration.WorkingDays(1)).ShouldBe(Cst.EndOf(expected));

    [Fact]
    public void An_instant_read_back_without_a_kind_is_taken_as_UTC()
    {
        var unspecified = DateTime.SpecifyKind(Cst.At("2026-09-30 10:00"), DateTimeKind.Unspecified);

        var deadline = Calendar.DeadlineFrom(unspecified, SlaDuration.WorkingDays(5));

        deadline.ShouldBe(Cst.At("2026-10-13 23:59:59"));
        deadline.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void Outside_the_listed_years_only_weekends_are_off()
    {
        Calendar.IsWorkingDay(new DateOnly(2027, 10, 1)).ShouldBeTrue(); // a Friday: no 2027 arrangement listed
        Calendar.IsWorkingDay(new DateOnly(2027, 10, 2)).ShouldBeFalse();
    }

    [Fact]
    public void SubtractWorkingDays_undoes_AddWorkingDays_on_every_working_day()
    {
        var wrong = new List<string>();
        foreach (var date in OfficialCalendarTests.DaysFrom(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)).Where(Calendar.IsWorkingDay))
        {
            foreach (var days in new[] { 0, 1, 3, 10, 60 })
            {
                if (Calendar.AddWorkingDays(Calendar.SubtractWorkingDays(date, days), days) != date)
                {
                    wrong.Add($"{date} ± {days}");
                }
            }
        }

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-10-08", 1, "2026-09-30")]
    [InlineData("2026-10-13", 5, "2026-09-30")]
    [InlineData("2026-10-04", 1, "2026-09-30")] // from a holiday: the working day before it
    public void SubtractWorkingDays_counts_back_over_holidays(string date, int days, string expected) =>
        Calendar.SubtractWorkingDays(Cst.Date(date), days).ShouldBe(Cst.Date(expected));

    [Fact]
    public void Refuses_a_date_listed_both_as_holiday_and_make_up_day()
    {
        var date = new DateOnly(2026, 10, 10);

        Should.Throw<ArgumentException>(() => new WorkingCalendar(
        [
            new CalendarDay(date, CalendarDayKind.Holiday, "国庆节"),
            new CalendarDay(date, CalendarDayKind.MakeUpWorkday, "国庆节调休上班"),
        ]));
    }

    [Fact]
    public void Negative_periods_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(new DateOnly(2026, 3, 2), -1));
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.DeadlineFrom(Cst.At("2026-03-02 10:00"), SlaDuration.CalendarDays(-1)));
    }
}
