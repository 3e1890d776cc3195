using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Time;

public class OfficialCalendarTests
{
    /// <summary>docs/product.md §2, written out independently of the production list.</summary>
    internal static readonly (string Name, string From, string To)[] HolidayBlocks =
    [
        ("元旦", "2025-01-01", "2025-01-01"),
        ("春节", "2025-01-28", "2025-02-04"),
        ("清明节", "2025-04-04", "2025-04-06"),
        ("劳动节", "2025-05-01", "2025-05-05"),
        ("端午节", "2025-05-31", "2025-06-02"),
        ("国庆节、中秋节", "2025-10-01", "2025-10-08"),
        ("元旦", "2026-01-01", "2026-01-03"),
        ("春节", "2026-02-15", "2026-02-23"),
        ("清明节", "2026-04-04", "2026-04-06"),
        ("劳动节", "2026-05-01", "2026-05-05"),
        ("端午节", "2026-06-19", "2026-06-21"),
        ("中秋节", "2026-09-25", "2026-09-27"),
        ("国庆节", "2026-10-01", "2026-10-07"),
    ];

    internal static readonly string[] MakeUpWorkdays =
    [
        "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
        "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ];

    internal static IEnumerable<DateOnly> HolidayDates() =>
        HolidayBlocks.SelectMany(block => DaysFrom(Cst.Date(block.From), Cst.Date(block.To)));

    internal static IEnumerable<DateOnly> DaysFrom(DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    [Fact]
    public void Lists_exactly_the_holidays_of_section_2()
    {
        var listed = OfficialCalendar.Days2025And2026.Where(d => d.Kind == CalendarDayKind.Holiday).Select(d => d.Date);

        listed.Order().ShouldBe(HolidayDates().Order());
    }

    [Fact]
    public void Lists_exactly_the_make_up_working_days_of_section_2()
    {
        var listed = OfficialCalendar.Days2025And2026.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date);

        listed.Order().ShouldBe(MakeUpWorkdays.Select(Cst.Date).Order());
    }

    [Fact]
    public void Has_61_holidays_and_11_make_up_days_with_no_date_twice()
    {
        var days = OfficialCalendar.Days2025And2026;

        days.Count(d => d.Kind == CalendarDayKind.Holiday).ShouldBe(28 + 33);
        days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday).ShouldBe(5 + 6);
        days.Select(d => d.Date).Distinct().Count().ShouldBe(days.Count);
    }

    [Fact]
    public void Every_make_up_working_day_falls_on_a_weekend_and_is_named_for_its_holiday()
    {
        foreach (var day in OfficialCalendar.Days2025And2026.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday))
        {
            day.Date.DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            day.Name.ShouldEndWith("调休上班");
        }
    }

    [Theory]
    [InlineData("2025-01-01", "元旦")]
    [InlineData("2025-02-01", "春节")]
    [InlineData("2025-01-26", "春节调休上班")]
    [InlineData("2025-10-06", "国庆节、中秋节")]
    [InlineData("2026-06-19", "端午节")]
    [InlineData("2026-09-25", "中秋节")]
    [InlineData("2026-10-10", "国庆节调休上班")]
    public void Names_each_day_in_Chinese(string date, string name) =>
        OfficialCalendar.Days2025And2026.Single(d => d.Date == Cst.Date(date)).Name.ShouldBe(name);
}
