namespace GrievanceDesk.Domain.Time;

/// <summary>
/// The holidays whose dates are fixed by the 全国年节及纪念日放假办法 every year, before the State Council publishes the
/// year's arrangement (usually in November): 元旦 1 January, 劳动节 1 May, 国庆节 1–3 October. Entered as provisional
/// (暂定) days so that a year is never read as ordinary weeks; the lunar holidays (春节, 清明, 端午, 中秋) and the make-up
/// days come with the published arrangement.
/// </summary>
public static class StatutoryHolidays
{
    public static IReadOnlyList<CalendarDay> ProvisionalFor(int year) =>
    [
        new(new DateOnly(year, 1, 1), CalendarDayKind.Holiday, "元旦") { IsProvisional = true },
        new(new DateOnly(year, 5, 1), CalendarDayKind.Holiday, "劳动节") { IsProvisional = true },
        new(new DateOnly(year, 10, 1), CalendarDayKind.Holiday, "国庆节") { IsProvisional = true },
        new(new DateOnly(year, 10, 2), CalendarDayKind.Holiday, "国庆节") { IsProvisional = true },
        new(new DateOnly(year, 10, 3), CalendarDayKind.Holiday, "国庆节") { IsProvisional = true },
    ];
}
