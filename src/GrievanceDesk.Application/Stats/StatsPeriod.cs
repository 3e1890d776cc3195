using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// The period a statistic covers: whole CST days <see cref="From"/> to <see cref="To"/> inclusive, i.e. the UTC
/// instants [<see cref="StartUtc"/>, <see cref="EndUtc"/>). An event is "in the period" when its timestamp is in
/// that range.
/// </summary>
public sealed record StatsPeriod(DateOnly From, DateOnly To, DateTime NowUtc)
{
    /// <summary>Now, as UTC: a deadline before this instant has passed.</summary>
    public DateTime NowUtc { get; init => field = ChinaTime.AsUtc(value); } = ChinaTime.AsUtc(NowUtc);

    public DateTime StartUtc { get; } = ChinaTime.StartOfDayUtc(From);

    public DateTime EndUtc { get; } = ChinaTime.StartOfDayUtc(To.AddDays(1));

    /// <summary>
    /// The end of the period, or now while the period is still running: where the stock figures (open, overdue) are
    /// counted, and the moment up to which a deadline in the period counts as due.
    /// </summary>
    public DateTime AsOfUtc => EndUtc < NowUtc ? EndUtc : NowUtc;
}

/// <summary>What the figures are broken down by (<c>groupBy</c>).</summary>
public enum StatsDimension
{
    /// <summary>The responsible unit the case is with now (承办单位); cases still in the dispatcher queue form their own group.</summary>
    Unit,

    /// <summary>The category recorded on the case (问题分类).</summary>
    Category,

    /// <summary>The region recorded on the case (属地).</summary>
    Region,

    /// <summary>How the case reached the office (渠道).</summary>
    Channel,
}
