using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Time;

public class ChinaTimeTests
{
    [Theory]
    [InlineData("2026-09-30T15:59:59Z", "2026-09-30")] // 23:59:59 CST
    [InlineData("2026-09-30T16:00:00Z", "2026-10-01")] // 00:00:00 CST, National Day
    [InlineData("2026-01-15T16:00:00Z", "2026-01-16")] // winter and summer share the offset: no DST
    [InlineData("2026-07-15T16:00:00Z", "2026-07-16")]
    [InlineData("2026-03-29T01:30:00Z", "2026-03-29")] // the night Europe changes its clocks
    public void DateOf_is_the_CST_date_of_a_UTC_instant(string utc, string cstDate) =>
        ChinaTime.DateOf(Cst.Utc(utc)).ShouldBe(Cst.Date(cstDate));

    [Fact]
    public void A_day_runs_from_16_00_UTC_the_day_before_to_15_59_59_UTC()
    {
        var date = new DateOnly(2026, 10, 13);

        ChinaTime.StartOfDayUtc(date).ShouldBe(Cst.Utc("2026-10-12T16:00:00Z"));
        ChinaTime.EndOfDayUtc(date).ShouldBe(Cst.Utc("2026-10-13T15:59:59Z"));
        ChinaTime.EndOfDayUtc(date).Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void ToOffset_shows_the_instant_at_plus_8()
    {
        var shown = ChinaTime.ToOffset(Cst.Utc("2026-09-30T16:00:00Z"));

        shown.Offset.ShouldBe(TimeSpan.FromHours(8));
        shown.DateTime.ShouldBe(new DateTime(2026, 10, 1, 0, 0, 0));
    }
}
