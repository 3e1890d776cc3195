using System.Globalization;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Time;

/// <summary>Test shorthand: write instants as CST wall-clock text, get UTC back.</summary>
internal static class Cst
{
    public static WorkingCalendar OfficialCalendar2025And2026 { get; } = new(OfficialCalendar.Days2025And2026);

    /// <summary>"2026-09-30 23:59:59" CST (optionally with fractional seconds) as a UTC instant.</summary>
    public static DateTime At(string cstWallClock)
    {
        var local = DateTime.ParseExact(
            cstWallClock,
            ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.None);
        return DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc);
    }

    public static DateOnly Date(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>23:59:59 CST of the date: where a day-counted deadline falls.</summary>
    public static DateTime EndOf(string isoDate) => ChinaTime.EndOfDayUtc(Date(isoDate));

    public static DateTime Utc(string isoInstant) =>
        DateTime.ParseExact(isoInstant, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
