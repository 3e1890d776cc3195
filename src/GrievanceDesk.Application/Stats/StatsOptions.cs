namespace GrievanceDesk.Application.Stats;

/// <summary>Statistics settings (section "Stats").</summary>
public sealed class StatsOptions
{
    public const string Section = "Stats";

    /// <summary>
    /// A unit or region is ranked only with at least this many cases received in the period (docs/product.md §5), so that one
    /// case does not make it best or worst. Its figures are returned either way.
    /// </summary>
    public int MinimumCasesForRanking { get; set; } = 10;

    public HotIssueOptions HotIssues { get; set; } = new();
}

/// <summary>热点: many cases on one address, or on one subject (same category, similar text), within a short window.</summary>
public sealed class HotIssueOptions
{
    /// <summary>The fewest cases that make an address or a subject hot.</summary>
    public int MinimumCases { get; set; } = 3;

    /// <summary>Two subjects of one category are the same matter from this <see cref="Domain.Cases.ContentSimilarity"/> score.</summary>
    public double SimilarSubject { get; set; } = 0.3;

    /// <summary>The longest window, in days, hot issues are looked for in: a hot issue is many cases in a short time.</summary>
    public int MaxWindowDays { get; set; } = 31;

    /// <summary>The most cases read for clustering by text, newest first.</summary>
    public int MaxCandidates { get; set; } = 20_000;
}
