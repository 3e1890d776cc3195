using System.Globalization;

namespace GrievanceDesk.Application.Briefings;

/// <summary>How the briefing words its numbers: 92.1%, "较上周 +12", "较上周 -3.2个百分点", "—" for a rate with nothing to count.</summary>
public static class BriefingText
{
    public const string NotApplicable = "—";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Percent(Rate rate) => Percent(rate.Value);

    public static string Fraction(Rate rate) => $"{rate.Numerator} / {rate.Denominator}";

    /// <summary>The change in a count, or null when there is no previous week to compare with.</summary>
    public static string? Change(CountFigure figure) => figure.LastWeek switch
    {
        null => null,
        var last when figure.ThisWeek == last => "与上周持平",
        var last => $"较上周 {Signed(figure.ThisWeek - last.Value, "0")}",
    };

    /// <summary>
    /// The change in a rate in percentage points, from the rounded percentages as printed, so that the printed change
    /// always equals the difference of the printed rates.
    /// </summary>
    public static string? Change(RateFigure figure)
    {
        if (figure.LastWeek is not { } last)
        {
            return null;
        }

        if (Rounded(figure.ThisWeek.Value) is not { } now || Rounded(last.Value) is not { } before)
        {
            return $"较上周 {NotApplicable}";
        }

        var points = now - before;
        return points == 0 ? "与上周持平" : $"较上周 {Signed(points, "0.0")}个百分点";
    }

    /// <summary>The week's dates: 2025年3月17日—3月23日, or both years when the ISO week spans the new year.</summary>
    public static string Period(DateOnly start, DateOnly end) =>
        start.Year == end.Year
            ? $"{start.Year}年{start.Month}月{start.Day}日—{end.Month}月{end.Day}日"
            : $"{start.Year}年{start.Month}月{start.Day}日—{end.Year}年{end.Month}月{end.Day}日";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    private static string Percent(double? value) =>
        Rounded(value) is { } percent ? percent.ToString("0.0", Invariant) + "%" : NotApplicable;

    private static decimal? Rounded(double? value) =>
        value is { } v ? Math.Round((decimal)v * 100, 1, MidpointRounding.AwayFromZero) : null;

    private static string Signed(decimal value, string format) => (value > 0 ? "+" : "") + value.ToString(format, Invariant);
}
