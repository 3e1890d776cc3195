using GrievanceDesk.Application.Briefings;

namespace GrievanceDesk.Reports.Tests;

public sealed class BriefingTextTests
{
    [Fact]
    public void A_rate_with_nothing_to_count_prints_a_dash()
    {
        new Rate(0, 0).Value.ShouldBeNull();
        BriefingText.Percent(new Rate(0, 0)).ShouldBe("—");
        BriefingText.Percent(new Rate(350, 380)).ShouldBe("92.1%");
    }

    [Theory]
    [InlineData(412, 400, "较上周 +12")]
    [InlineData(23, 26, "较上周 -3")]
    [InlineData(5, 5, "与上周持平")]
    public void Count_change_is_signed(int thisWeek, int lastWeek, string expected) =>
        BriefingText.Change(new CountFigure(thisWeek, lastWeek)).ShouldBe(expected);

    [Fact]
    public void Rate_change_is_in_percentage_points_of_the_printed_rates()
    {
        BriefingText.Change(new RateFigure(new Rate(270, 300), new Rate(284, 300))).ShouldBe("较上周 -4.7个百分点");
        BriefingText.Change(new RateFigure(new Rate(37, 412), new Rate(40, 400))).ShouldBe("较上周 -1.0个百分点");
        BriefingText.Change(new RateFigure(new Rate(9, 10), new Rate(0, 0))).ShouldBe("较上周 —");
        BriefingText.Change(new RateFigure(new Rate(9, 10))).ShouldBeNull();
    }

    [Fact]
    public void Period_names_both_years_when_the_week_spans_new_year()
    {
        BriefingText.Period(new(2025, 3, 17), new(2025, 3, 23)).ShouldBe("2025年3月17日—3月23日");
        BriefingText.Period(new(2025, 12, 29), new(2026, 1, 4)).ShouldBe("2025年12月29日—2026年1月4日");
    }
}
