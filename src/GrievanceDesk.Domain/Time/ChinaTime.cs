namespace GrievanceDesk.Domain.Time;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving): the business time zone of every date computation.
/// Instants are stored as UTC <see cref="DateTime"/> (Kind = Utc); dates are CST calendar dates.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The CST wall-clock time of a UTC instant.</summary>
    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(AsUtc(utc) + Offset, DateTimeKind.Unspecified);

    /// <summary>The CST calendar date on which a UTC instant falls.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>00:00:00 CST of a date, as a UTC instant.</summary>
    public static DateTime StartOfDayUtc(DateOnly date) =>
        DateTime.SpecifyKind(date.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);

    /// <summary>23:59:59 CST of a date, as a UTC instant: where day-counted deadlines fall.</summary>
    public static DateTime EndOfDayUtc(DateOnly date) => StartOfDayUtc(date).AddDays(1).AddSeconds(-1);

    /// <summary>A UTC instant shown with the +08:00 offset, for the API edge.</summary>
    public static DateTimeOffset ToOffset(DateTime utc) => new DateTimeOffset(AsUtc(utc), TimeSpan.Zero).ToOffset(Offset);

    /// <summary>Normalises a DateTimeOffset from the API edge to a UTC DateTime for storage.</summary>
    public static DateTime ToUtc(DateTimeOffset value) => value.UtcDateTime;

    /// <summary>Values read back from SQLite come with Kind = Unspecified; they are UTC by convention.</summary>
    public static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
