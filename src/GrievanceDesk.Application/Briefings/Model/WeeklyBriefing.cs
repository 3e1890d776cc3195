namespace GrievanceDesk.Application.Briefings;

/// <summary>
/// The weekly briefing (每周信访工作简报) for ISO week <see cref="Week"/> of <see cref="Year"/>, as plain display-ready
/// data. The caller computes every figure and masks every person (张*); the briefing never carries phone or ID numbers.
/// </summary>
public sealed record WeeklyBriefing(
    int Year,
    int Week,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateTimeOffset GeneratedAt,
    HeadlineFigures Headline,
    IReadOnlyList<LabelledCount> Channels,
    IReadOnlyList<LabelledCount> Categories,
    IReadOnlyList<HotIssue> HotIssues,
    UnitRanking UnitRanking,
    IReadOnlyList<OverdueCase> OverdueCases,
    IReadOnlyList<PausedCase> PausedCases,
    IReadOnlyList<CollectivePetition> CollectivePetitions,
    IReadOnlyList<DissatisfiedVisit> DissatisfiedVisits,
    IReadOnlyList<WeeklyTrendPoint> Trend,
    BriefingExtras? Extras = null);

/// <summary>
/// What a real 信访 briefing carries beyond the figures: the masthead, the 研判 paragraph, 同比/累计, 来访 批次/人次,
/// 初信初访/重复访, the 属地 table, the rolling ranking with its weights, the overdue summary per unit, the office's own
/// backlog, supervision orders and the 口径说明 page.
/// </summary>
public sealed record BriefingExtras(
    Masthead Masthead,
    string Assessment,
    PeriodComparison Comparison,
    int VisitBatches,
    int VisitPeople,
    int FirstTime,
    int Repeats,
    IReadOnlyList<AreaRow> Streets,
    RollingRanking Rolling,
    IReadOnlyList<AreaRow> OverdueByUnit,
    int OfficeBacklogOpen,
    int OfficeBacklogOverdue,
    IReadOnlyList<SupervisionRow> SupervisionOrders,
    IReadOnlyList<Definition> Definitions);

/// <summary>The masthead (报头): 期号, 编发单位, 签发人, 报送/抄送.</summary>
public sealed record Masthead(int IssueNumber, string Issuer, string Signer, string ReportTo, string CopyTo);

/// <summary>同比 (the same week a year before) and 累计 (month and year to the week's Sunday).</summary>
public sealed record PeriodComparison(
    int ReceivedLastYear, int ClosedLastYear, int ReceivedMonthToDate, int ClosedMonthToDate, int ReceivedYearToDate, int ClosedYearToDate);

/// <summary>A street (属地) or a unit with its figures of the week and its stock at the week's end.</summary>
public sealed record AreaRow(string Name, int Received, int Closed, int Open, int Overdue);

/// <summary>The 红黑榜 over a rolling window, so that a quiet week is not empty.</summary>
public sealed record RollingRanking(string Window, string Weights, UnitRanking Ranking, IReadOnlyList<string> TooFewCases);

/// <summary>A supervision order (督办单) issued in the week and where its case stands.</summary>
public sealed record SupervisionRow(string TrackingNumber, string Unit, string Source, DateOnly IssuedOn, string CaseState);

/// <summary>One entry of the 口径说明 page.</summary>
public sealed record Definition(string Term, string Text);

/// <summary>A rate as counted: <see cref="Value"/> is null when nothing was due (zero denominator), printed "—".</summary>
public readonly record struct Rate(int Numerator, int Denominator)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}

/// <summary>A count this week, and last week's for the change; <see cref="LastWeek"/> is null when there is no previous week.</summary>
public sealed record CountFigure(int ThisWeek, int? LastWeek = null);

public sealed record RateFigure(Rate ThisWeek, Rate? LastWeek = null);

/// <summary>一、总体情况: the week's figures as defined in docs/product.md §5.</summary>
public sealed record HeadlineFigures(
    CountFigure Received,
    CountFigure Dispatched,
    CountFigure Closed,
    CountFigure Open,
    CountFigure Overdue,
    CountFigure ClosedLate,
    RateFigure ResponseRate,
    RateFigure OnTimeClosureRate,
    RateFigure ResolutionRate,
    RateFigure SatisfactionRate,
    RateFigure RepeatRate,
    RateFigure ReopenRate,
    CountFigure CollectivePetitions,
    CountFigure Escalations);

/// <summary>A channel (12345热线, 网上信访…) or a category (城乡建设…) and its cases this week.</summary>
public sealed record LabelledCount(string Label, int Count);

/// <summary>A hot issue: many cases about one address or subject.</summary>
public sealed record HotIssue(string Label, string Category, int Count, DateOnly FirstSeen, DateOnly LastSeen);

/// <summary>
/// Units ranked best first. Only units with at least <see cref="MinimumCases"/> cases are ranked (docs/product.md §5), so one case
/// does not make a unit best or worst; the caller applies that rule and marks the 红榜 and 黑榜 rows.
/// </summary>
public sealed record UnitRanking(int MinimumCases, IReadOnlyList<UnitRankingRow> Rows);

public sealed record UnitRankingRow(
    int Rank,
    string Unit,
    int Cases,
    Rate ResponseRate,
    Rate OnTimeClosureRate,
    Rate ResolutionRate,
    Rate SatisfactionRate,
    int Overdue,
    RankingMark Mark = RankingMark.None);

public enum RankingMark
{
    None,

    /// <summary>红榜: commended.</summary>
    RedList,

    /// <summary>黑榜: criticised.</summary>
    BlackList,
}

/// <param name="EscalationLevel">The supervision step reached (一级督办…), or null when the case is overdue but not yet escalated.</param>
public sealed record OverdueCase(string TrackingNumber, string Subject, string Unit, int DaysOverdue, string? EscalationLevel);

/// <summary>A case paused (中止) with its clock stopped: waiting for an appraisal, a court, the complainant.</summary>
public sealed record PausedCase(string TrackingNumber, string Unit, string Reason, DateOnly PausedSince, int DaysPaused);

/// <summary>A collective petition (集体访): five or more people on one matter.</summary>
public sealed record CollectivePetition(string TrackingNumber, string Subject, int HeadCount, string Unit);

/// <param name="Complainant">Already masked by the caller: 张*.</param>
public sealed record DissatisfiedVisit(string TrackingNumber, string Complainant, string Unit, string Note);

/// <param name="WeekLabel">As printed under the chart: 第12周.</param>
public sealed record WeeklyTrendPoint(string WeekLabel, int Received, int Closed, int Overdue);
