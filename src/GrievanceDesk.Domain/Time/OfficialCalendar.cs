namespace GrievanceDesk.Domain.Time;

/// <summary>
/// The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知) for 2025 and 2026, as in docs/product.md §2:
/// every day of each holiday block, including those falling on a weekend, and every make-up working day.
/// The database is seeded with this list; admins maintain later years.
/// </summary>
public static class OfficialCalendar
{
    public static IReadOnlyList<CalendarDay> Days2025And2026 { get; } =
    [
        // 2025
        .. Holiday("元旦", 2025, 1, 1, 1, 1),
        .. Holiday("春节", 2025, 1, 28, 2, 4),
        MakeUp("春节调休上班", 2025, 1, 26),
        MakeUp("春节调休上班", 2025, 2, 8),
        .. Holiday("清明节", 2025, 4, 4, 4, 6),
        .. Holiday("劳动节", 2025, 5, 1, 5, 5),
        MakeUp("劳动节调休上班", 2025, 4, 27),
        .. Holiday("端午节", 2025, 5, 31, 6, 2),
        .. Holiday("国庆节、中秋节", 2025, 10, 1, 10, 8),
        MakeUp("国庆节调休上班", 2025, 9, 28),
        MakeUp("国庆节调休上班", 2025, 10, 11),

        // 2026
        .. Holiday("元旦", 2026, 1, 1, 1, 3),
        MakeUp("元旦调休上班", 2026, 1, 4),
        .. Holiday("春节", 2026, 2, 15, 2, 23),
        MakeUp("春节调休上班", 2026, 2, 14),
        MakeUp("春节调休上班", 2026, 2, 28),
        .. Holiday("清明节", 2026, 4, 4, 4, 6),
        .. Holiday("劳动节", 2026, 5, 1, 5, 5),
        MakeUp("劳动节调休上班", 2026, 5, 9),
        .. Holiday("端午节", 2026, 6, 19, 6, 21),
        .. Holiday("中秋节", 2026, 9, 25, 9, 27),
        .. Holiday("国庆节", 2026, 10, 1, 10, 7),
        MakeUp("国庆节调休上班", 2026, 9, 20),
        MakeUp("国庆节调休上班", 2026, 10, 10),
    ];

    private static IEnumerable<CalendarDay> Holiday(string name, int year, int fromMonth, int fromDay, int toMonth, int toDay)
    {
        var last = new DateOnly(year, toMonth, toDay);
        for (var date = new DateOnly(year, fromMonth, fromDay); date <= last; date = date.AddDays(1))
        {
            yield return new CalendarDay(date, CalendarDayKind.Holiday, name);
        }
    }

    private static CalendarDay MakeUp(string name, int year, int month, int day) =>
        new(new DateOnly(year, month, day), CalendarDayKind.MakeUpWorkday, name);
}
