using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Time;

public sealed class CalendarCoverageTests
{
    [Theory]
    [InlineData("2026-10-02", new int[0])] // 90 days reach 2026-12-31: covered
    [InlineData("2026-10-03", new[] { 2027 })] // … and now 2027-01-01
    [InlineData("2026-12-01", new[] { 2027 })]
    [InlineData("2027-06-01", new[] { 2027 })]
    public void The_years_of_the_next_90_days_without_entries_are_missing(string today, int[] missing)
    {
        CalendarCoverage.MissingYears([2025, 2026], Cst.Date(today)).ShouldBe(missing);
    }

    [Fact]
    public void A_year_with_only_provisional_days_is_reported_as_such()
    {
        CalendarCoverage.ProvisionalYears([2027], Cst.Date("2026-12-01")).ShouldBe([2027]);
        CalendarCoverage.ProvisionalYears([2027], Cst.Date("2026-06-01")).ShouldBeEmpty();
    }

    [Fact]
    public void Provisional_statutory_days_are_new_years_day_labour_day_and_the_first_three_days_of_national_day()
    {
        var days = StatutoryHolidays.ProvisionalFor(2027);

        days.Select(d => d.Date).ShouldBe([Cst.Date("2027-01-01"), Cst.Date("2027-05-01"), Cst.Date("2027-10-01"), Cst.Date("2027-10-02"), Cst.Date("2027-10-03")]);
        days.ShouldAllBe(d => d.IsProvisional && d.Kind == CalendarDayKind.Holiday);
    }
}
