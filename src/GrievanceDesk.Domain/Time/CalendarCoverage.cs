namespace GrievanceDesk.Domain.Time;

/// <summary>
/// Whether the holiday table covers the days ahead: a year with no entry at all would be counted as ordinary weeks
/// (1 January a working day), so deadlines in it are wrong. A year whose only entries are provisional statutory days
/// (<see cref="StatutoryHolidays"/>) is covered, but still awaits the State Council's arrangement.
/// </summary>
public static class CalendarCoverage
{
    /// <summary>How far ahead the table must reach (docs/product.md §4: the longest deadlines run about three months).</summary>
    public const int DaysAhead = 90;

    /// <summary>The years of the next <see cref="DaysAhead"/> days (from <paramref name="today"/>) that have no entry.</summary>
    public static IReadOnlyList<int> MissingYears(IEnumerable<int> yearsWithEntries, DateOnly today)
    {
        var present = yearsWithEntries.ToHashSet();
        return YearsAhead(today).Where(y => !present.Contains(y)).ToList();
    }

    /// <summary>The years of the next <see cref="DaysAhead"/> days whose entries are all provisional.</summary>
    public static IReadOnlyList<int> ProvisionalYears(IEnumerable<int> yearsWithOnlyProvisionalEntries, DateOnly today)
    {
        var provisional = yearsWithOnlyProvisionalEntries.ToHashSet();
        return YearsAhead(today).Where(provisional.Contains).ToList();
    }

    private static IEnumerable<int> YearsAhead(DateOnly today) => Enumerable.Range(today.Year, today.AddDays(DaysAhead).Year - today.Year + 1);
}
