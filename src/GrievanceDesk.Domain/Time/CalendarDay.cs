namespace GrievanceDesk.Domain.Time;

/// <summary>How a date departs from the ordinary week (weekdays on, weekends off).</summary>
public enum CalendarDayKind
{
    /// <summary>放假: a day off, whether it falls on a weekday or a weekend.</summary>
    Holiday,

    /// <summary>调休上班: a weekend day worked in exchange for a longer holiday.</summary>
    MakeUpWorkday,
}

/// <summary>One entry of the holiday calendar (节假日), e.g. 2026-10-01 国庆节 or 2026-10-10 国庆节调休上班.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name)
{
    /// <summary>
    /// 暂定: a fixed statutory day (元旦, 劳动节, 国庆节) entered before the State Council has published the year's arrangement;
    /// counted as a holiday until confirmed or replaced. See <see cref="StatutoryHolidays"/>.
    /// </summary>
    public bool IsProvisional { get; init; }
}
