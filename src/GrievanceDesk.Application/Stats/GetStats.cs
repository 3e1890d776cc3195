using System.Text.Json;
using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Application.Briefings;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// GET /api/stats?from=&amp;to=&amp;groupBy=: the figures of docs/product.md §5 for the CST days <c>from</c>–<c>to</c> (inclusive), for
/// the office and, with <c>groupBy</c>, per unit, category, region or channel. See <see cref="StatsQueries"/> for what
/// each figure counts.
/// </summary>
[RequiresRole(Roles.Leader, Roles.Dispatcher, Roles.FrontDesk, Roles.Cadre, Roles.UnitLeader)]
public sealed record GetStats(DateOnly? From, DateOnly? To, string? GroupBy) : IQuery<StatsReportDto>;

/// <summary>A rate as counted; <see cref="Value"/> (0–1, four decimals) is null when nothing was there to count.</summary>
public sealed record RateDto(int Numerator, int Denominator, double? Value)
{
    public static RateDto Of(Rate rate) => new(rate.Numerator, rate.Denominator, rate.Value is { } v ? Math.Round(v, 4) : null);
}

public sealed record StatsFiguresDto(
    int Received,
    int Dispatched,
    int Closed,
    int Open,
    int Overdue,
    int ClosedLate,
    RateDto ResponseRate,
    RateDto OnTimeClosureRate,
    RateDto ResolutionRate,
    RateDto SatisfactionRate,
    RateDto RepeatRate,
    RateDto ReopenRate,
    int CollectivePetitions,
    int Escalations)
{
    public static StatsFiguresDto Of(StatsTally t) => new(
        t.Received, t.Dispatched, t.Closed, t.Open, t.Overdue, t.ClosedLate,
        RateDto.Of(t.ResponseRate), RateDto.Of(t.OnTimeClosureRate), RateDto.Of(t.ResolutionRate), RateDto.Of(t.SatisfactionRate),
        RateDto.Of(t.RepeatRate), RateDto.Of(t.ReopenRate), t.Collective, t.Escalations);
}

/// <summary>
/// One group's figures. <see cref="Ranked"/> says whether it takes part in the ranking (units and regions with at least
/// the minimum of cases received); its figures are returned either way.
/// </summary>
/// <param name="Id">The unit, category or region id; null for a channel and for the cases still in the dispatcher queue.</param>
/// <param name="Code">The unit, category or region code, or the channel (<c>visit</c>, <c>call</c>…); null for the dispatcher queue.</param>
public sealed record StatsGroupDto(int? Id, string? Code, string Name, StatsFiguresDto Figures, bool Ranked, int? Rank, double? Score, RankingMark Mark);

/// <param name="AsOf">Where the stock figures (open, overdue) were counted: the end of the period, or now while it runs.</param>
/// <param name="Scope"><c>office</c>, or the code of the reader's own unit for a unit's staff.</param>
public sealed record StatsReportDto(
    DateOnly From,
    DateOnly To,
    string? GroupBy,
    DateTimeOffset AsOf,
    string Scope,
    int MinimumCasesForRanking,
    StatsFiguresDto Total,
    IReadOnlyList<StatsGroupDto> Groups,
    StatsComparisonDto Comparison);

/// <summary>
/// What comes with every query (同比, 累计): the same period a year before, and the month and the year to the period's
/// last day (本月累计, 本年累计), each for the same scope, summed from the same daily rollup.
/// </summary>
public sealed record StatsComparisonDto(
    DateOnly SamePeriodLastYearFrom,
    DateOnly SamePeriodLastYearTo,
    StatsFiguresDto SamePeriodLastYear,
    DateOnly MonthToDateFrom,
    StatsFiguresDto MonthToDate,
    DateOnly YearToDateFrom,
    StatsFiguresDto YearToDate);

public sealed class GetStatsValidator : AbstractValidator<GetStats>
{
    /// <summary>Five years (with two leap days): the longest period the figures are asked for at once.</summary>
    public const int MaxDays = (5 * 365) + 2;

    public GetStatsValidator()
    {
        RuleFor(x => x.From).NotNull();
        RuleFor(x => x.To).NotNull();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
        RuleFor(x => x.To)
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < MaxDays)
            .When(x => x.From is not null && x.To is not null && x.To >= x.From)
            .WithMessage($"统计区间最长{MaxDays}天 (the period is at most {MaxDays} days).");
        RuleFor(x => x.GroupBy)
            .Must(g => StatsAccess.TryParseDimension(g, out _))
            .When(x => !string.IsNullOrWhiteSpace(x.GroupBy))
            .WithMessage("groupBy 只能是 unit、category、region 或 channel (groupBy is one of unit, category, region, channel).");
    }
}

public sealed class GetStatsHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, StatsRunner runner, IOptions<StatsOptions> options)
    : IQueryHandler<GetStats, StatsReportDto>
{
    public async ValueTask<StatsReportDto> Handle(GetStats query, CancellationToken ct)
    {
        var unitScope = StatsAccess.ScopeOf(user);
        var period = new StatsPeriod(query.From!.Value, query.To!.Value, clock.GetUtcNow().UtcDateTime);
        var minimum = options.Value.MinimumCasesForRanking;
        StatsAccess.TryParseDimension(query.GroupBy, out var by);

        var groups = await StatsTally.ByGroupAsync(runner, unitScope, period, by ?? StatsDimension.Channel, ct);
        var total = StatsTally.Sum(groups.Values);
        var rows = by is { } dimension
            ? await GroupRows(dimension, groups, unitScope is null ? minimum : int.MaxValue, ct)
            : [];
        var scope = unitScope is { } unit ? await db.Units.Where(u => u.Id == unit).Select(u => u.Code).SingleAsync(ct) : "office";
        return new StatsReportDto(
            period.From, period.To, by is { } d ? StatsAccess.Name(d) : null, ChinaTime.ToOffset(period.AsOfUtc), scope, minimum,
            StatsFiguresDto.Of(total), rows, await Comparison(runner, unitScope, period, ct));
    }

    /// <summary>同比 and 本月/本年累计 of a period, for a scope.</summary>
    public static async Task<StatsComparisonDto> Comparison(StatsRunner runner, int? unitScope, StatsPeriod period, CancellationToken ct)
    {
        // New periods, not `with` copies: a period's instants are computed from its days when it is made.
        var lastYear = new StatsPeriod(period.From.AddYears(-1), period.To.AddYears(-1), period.NowUtc);
        var month = new StatsPeriod(new DateOnly(period.To.Year, period.To.Month, 1), period.To, period.NowUtc);
        var year = new StatsPeriod(new DateOnly(period.To.Year, 1, 1), period.To, period.NowUtc);
        var tallies = await Task.WhenAll(new[] { lastYear, month, year }.Select(async p =>
            StatsTally.Sum((await StatsTally.ByGroupAsync(runner, unitScope, p, StatsDimension.Channel, ct)).Values)));
        return new StatsComparisonDto(lastYear.From, lastYear.To, StatsFiguresDto.Of(tallies[0]), month.From, StatsFiguresDto.Of(tallies[1]),
            year.From, StatsFiguresDto.Of(tallies[2]));
    }

    /// <summary>
    /// The groups with their names, ranked first (by rank), then the rest by cases received. A unit's staff see their
    /// own unit only, and no ranking: it compares them with units whose figures they may not see.
    /// </summary>
    private async Task<IReadOnlyList<StatsGroupDto>> GroupRows(StatsDimension by, Dictionary<int, StatsTally> groups, int minimum, CancellationToken ct)
    {
        var names = await StatsAccess.GroupNamesAsync(db, by, ct);
        var ranking = by is StatsDimension.Unit or StatsDimension.Region ? StatsRanking.Rank(groups, minimum) : new Dictionary<int, RankedGroup>();
        return groups
            .Select(g =>
            {
                var name = names.GetValueOrDefault(g.Key, new GroupName(g.Key, null, $"#{g.Key}"));
                var rank = ranking.GetValueOrDefault(g.Key);
                return new StatsGroupDto(name.Id, name.Code, name.Name, StatsFiguresDto.Of(g.Value), rank is not null, rank?.Rank,
                    rank?.Score is { } s ? Math.Round(s, 4) : null, rank?.Mark ?? RankingMark.None);
            })
            .OrderBy(g => g.Rank ?? int.MaxValue)
            .ThenByDescending(g => g.Figures.Received)
            .ThenBy(g => g.Code ?? "~", StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>A group's display name: the id and code of its unit, category or region, or the channel.</summary>
public sealed record GroupName(int? Id, string? Code, string Name);

/// <summary>
/// Who reads statistics. The office (Leader, Dispatcher, FrontDesk) reads the office's figures; a unit's staff (Cadre,
/// UnitLeader) read their own unit's only, as a petition office tells each unit how it stands; Admin runs the system
/// and reads no figures.
/// </summary>
public static class StatsAccess
{
    public static readonly IReadOnlyList<string> OfficeReaders = [Roles.Leader, Roles.Dispatcher, Roles.FrontDesk];

    public static readonly IReadOnlyList<string> Readers = [.. OfficeReaders, Roles.Cadre, Roles.UnitLeader];

    /// <summary>Null for the whole office; the reader's unit for a unit's staff; 403 for anyone else.</summary>
    public static int? ScopeOf(ICurrentUser user)
    {
        if (OfficeReaders.Any(user.IsInRole))
        {
            return null;
        }

        if (Roles.UnitRoles.Any(user.IsInRole) && user.UnitId is { } unit)
        {
            return unit;
        }

        throw new ForbiddenException("当前角色不能查看统计数据 (your role may not read statistics).");
    }

    public static bool TryParseDimension(string? text, out StatsDimension? dimension)
    {
        dimension = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<StatsDimension>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            dimension = parsed;
            return true;
        }

        return false;
    }

    public static string Name(StatsDimension dimension) => JsonNamingPolicy.CamelCase.ConvertName(dimension.ToString());

    /// <summary>The names of every group a dimension can have, from the reference tables (tens of rows, not cases).</summary>
    public static async Task<Dictionary<int, GroupName>> GroupNamesAsync(IAppDbContext db, StatsDimension by, CancellationToken ct)
    {
        var names = by switch
        {
            StatsDimension.Unit => await db.Units.AsNoTracking().Select(u => new GroupName(u.Id, u.Code, u.Name)).ToListAsync(ct),
            StatsDimension.Category => await db.Categories.AsNoTracking().Select(c => new GroupName(c.Id, c.Code, c.Name)).ToListAsync(ct),
            StatsDimension.Region => await db.Regions.AsNoTracking().Select(r => new GroupName(r.Id, r.Code, r.Name)).ToListAsync(ct),
            _ => Enum.GetValues<Channel>().Select(c => new GroupName((int)c, JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString()), c.ToChinese())).ToList(),
        };
        var result = names.ToDictionary(n => n.Id!.Value);
        if (by == StatsDimension.Channel)
        {
            result = result.ToDictionary(n => n.Key, n => n.Value with { Id = null });
        }

        result[StatsTally.NoKey] = new GroupName(null, null, "未派单（派单员队列）");
        return result;
    }
}
