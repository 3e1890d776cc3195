using GrievanceDesk.Domain.Common;
using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Application.Stats;

/// <summary>GET /api/stats/hot-issues?from=&amp;to=&amp;top=: the hot issues (热点) of a short window, most cases first.</summary>
[RequiresRole(Roles.Leader, Roles.Dispatcher, Roles.FrontDesk, Roles.Cadre, Roles.UnitLeader)]
public sealed record GetHotIssues(DateOnly? From, DateOnly? To, int? Top) : IQuery<IReadOnlyList<HotIssueDto>>;

public enum HotIssueKind
{
    /// <summary>Many cases on one address.</summary>
    Address,

    /// <summary>Many cases on one subject: one category and similar text.</summary>
    Subject,
}

/// <param name="Label">The address (with its commonest subject), or the cluster's commonest subject.</param>
/// <param name="TrackingNumbers">The cases, oldest first (at most <see cref="HotIssueFinder.MaxListed"/>).</param>
public sealed record HotIssueDto(
    HotIssueKind Kind,
    string Label,
    int? CategoryId,
    string CategoryName,
    int Cases,
    DateOnly FirstSeen,
    DateOnly LastSeen,
    IReadOnlyList<string> TrackingNumbers);

public sealed class GetHotIssuesValidator : AbstractValidator<GetHotIssues>
{
    public GetHotIssuesValidator(IOptions<StatsOptions> options)
    {
        var maxDays = options.Value.HotIssues.MaxWindowDays;
        RuleFor(x => x.From).NotNull();
        RuleFor(x => x.To).NotNull();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
        RuleFor(x => x.To)
            .Must((q, to) => to!.Value.DayNumber - q.From!.Value.DayNumber < maxDays)
            .When(x => x.From is not null && x.To is not null && x.To >= x.From)
            .WithMessage($"热点问题按不超过{maxDays}天的时段统计 (hot issues are looked for within at most {maxDays} days).");
        RuleFor(x => x.Top).InclusiveBetween(1, 100).When(x => x.Top is not null);
    }
}

public sealed class GetHotIssuesHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock, HotIssueFinder finder)
    : IQueryHandler<GetHotIssues, IReadOnlyList<HotIssueDto>>
{
    public async ValueTask<IReadOnlyList<HotIssueDto>> Handle(GetHotIssues query, CancellationToken ct)
    {
        var period = new StatsPeriod(query.From!.Value, query.To!.Value, clock.GetUtcNow().UtcDateTime);
        return await finder.FindAsync(new StatsQueries(db, StatsAccess.ScopeOf(user)), period, query.Top ?? 10, ct);
    }
}

/// <summary>
/// Finds hot issues (热点) in a period: an address with at least the minimum of cases (counted in SQL, grouped by
/// address), and a subject: cases of one category whose subjects are alike by <see cref="ContentSimilarity"/>.
/// Text similarity cannot run in SQL, so the period's cases are read (their subjects and addresses, at most
/// <see cref="HotIssueOptions.MaxCandidates"/>, newest first; the window is short) and those of the categories busy
/// enough to hold a hot subject (counted in SQL) are clustered here. A subject cluster that is mostly one hot address is that
/// address's issue and not listed twice.
/// </summary>
public sealed class HotIssueFinder(IAppDbContext db, IOptions<StatsOptions> options)
{
    public const int MaxListed = 20;

    public async Task<IReadOnlyList<HotIssueDto>> FindAsync(StatsQueries queries, StatsPeriod period, int top, CancellationToken ct)
    {
        var settings = options.Value.HotIssues;
        var minimum = Math.Max(2, settings.MinimumCases);
        var addresses = await queries.BusyAddresses(period, minimum).Take(top).ToListAsync(ct);
        var categoryIds = (await queries.BusyCategories(period, minimum).Select(c => c.CategoryId).ToListAsync(ct)).ToHashSet();
        if (addresses.Count == 0 && categoryIds.Count == 0)
        {
            return [];
        }

        var candidates = await queries.HotIssueCandidates(period, settings.MaxCandidates).ToListAsync(ct);
        var categoryNames = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var issues = new List<(HotIssueDto Issue, HashSet<long> Ids)>();
        foreach (var address in addresses)
        {
            // The count is SQL's; the cases read (newest first, bounded) give the subject, category and dates.
            var cases = candidates.Where(c => c.Address == address.Address).ToList();
            if (cases.Count > 0)
            {
                var category = cases.GroupBy(c => c.CategoryId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                var label = $"{address.Address}：{CommonestSubject(cases)}";
                issues.Add((Issue(HotIssueKind.Address, label, category, categoryNames, cases, address.Cases), cases.Select(c => c.CaseId).ToHashSet()));
            }
        }

        var addressIssues = issues.Select(i => i.Ids).ToList();
        foreach (var cluster in candidates.Where(c => categoryIds.Contains(c.CategoryId)).GroupBy(c => c.CategoryId).SelectMany(g => Cluster(g, settings.SimilarSubject)))
        {
            var ids = cluster.Select(c => c.CaseId).ToHashSet();
            if (cluster.Count >= minimum && !addressIssues.Any(a => a.Count(ids.Contains) * 2 >= ids.Count))
            {
                issues.Add((Issue(HotIssueKind.Subject, CommonestSubject(cluster), cluster[0].CategoryId, categoryNames, cluster, cluster.Count), ids));
            }
        }

        return issues
            .Select(i => i.Issue)
            .OrderByDescending(i => i.Cases)
            .ThenByDescending(i => i.LastSeen)
            .ThenBy(i => i.Kind)
            .ThenBy(i => i.Label, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private static HotIssueDto Issue(
        HotIssueKind kind, string label, int categoryId, Dictionary<int, string> categoryNames, IReadOnlyCollection<HotIssueCandidate> cases, int count)
    {
        var ordered = cases.OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.CaseId).ToList();
        return new HotIssueDto(
            kind,
            FreeTextMasking.Mask(label),
            categoryId,
            categoryNames.GetValueOrDefault(categoryId, string.Empty),
            count,
            ChinaTime.DateOf(ordered[0].ReceivedAtUtc),
            ChinaTime.DateOf(ordered[^1].ReceivedAtUtc),
            ordered.Take(MaxListed).Select(c => c.TrackingNo).ToList());
    }

    private static string CommonestSubject(IEnumerable<HotIssueCandidate> cases) =>
        cases.GroupBy(c => c.Subject).OrderByDescending(g => g.Count()).ThenBy(g => g.Min(c => c.ReceivedAtUtc)).First().Key;

    /// <summary>
    /// Greedy clustering, oldest case first: a case joins the most similar cluster whose first case it is alike to,
    /// or starts one. Only clusters sharing a character pair with it are compared (an index by bigram).
    /// </summary>
    private static IEnumerable<List<HotIssueCandidate>> Cluster(IEnumerable<HotIssueCandidate> cases, double threshold)
    {
        var clusters = new List<List<HotIssueCandidate>>();
        var byBigram = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var candidate in cases.OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.CaseId))
        {
            var grams = Bigrams(candidate.Subject);
            var best = grams
                .SelectMany(g => byBigram.GetValueOrDefault(g) ?? [])
                .Distinct()
                .Select(i => (Index: i, Score: ContentSimilarity.Score(clusters[i][0].Subject, candidate.Subject)))
                .Where(x => x.Score >= threshold)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Index)
                .Select(x => (int?)x.Index)
                .FirstOrDefault();
            if (best is { } index)
            {
                clusters[index].Add(candidate);
                continue;
            }

            clusters.Add([candidate]);
            foreach (var gram in grams)
            {
                (byBigram.TryGetValue(gram, out var list) ? list : byBigram[gram] = []).Add(clusters.Count - 1);
            }
        }

        return clusters;
    }

    /// <summary>The character pairs <see cref="ContentSimilarity"/> compares, for the candidate index only.</summary>
    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            grams.Add(new string(chars, i, 2));
        }

        if (chars.Length == 1)
        {
            grams.Add(chars[0].ToString());
        }

        return grams;
    }
}
