using System.Globalization;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.Briefings;

/// <summary>An ISO week (Monday–Sunday, CST): what one weekly briefing covers.</summary>
public readonly record struct BriefingWeek
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public BriefingWeek(int year, int week)
    {
        if (!IsValid(year, week))
        {
            throw new ArgumentOutOfRangeException(nameof(week), $"{year} has no ISO week {week}.");
        }

        (Year, Week) = (year, week);
    }

    public int Year { get; }

    public int Week { get; }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>00:00 CST of the Monday after: the week is over from this instant.</summary>
    public DateTime EndUtc => ChinaTime.StartOfDayUtc(Sunday.AddDays(1));

    public BriefingWeek Previous => Containing(Monday.AddDays(-7));

    /// <summary>Weeks 1–52, or 1–53 in a year with 53 ISO weeks.</summary>
    public static bool IsValid(int year, int week) =>
        year is >= FirstYear and <= LastYear && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);

    public static BriefingWeek Containing(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new BriefingWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>The week of the CST date of <paramref name="utc"/>.</summary>
    public static BriefingWeek At(DateTime utc) => Containing(ChinaTime.DateOf(utc));

    public bool IsOverAt(DateTime nowUtc) => ChinaTime.AsUtc(nowUtc) >= EndUtc;

    public StatsPeriod Period(DateTime nowUtc) => new(Monday, Sunday, nowUtc);

    public override string ToString() => $"{Year}-W{Week:00}";
}
