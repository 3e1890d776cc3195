using GrievanceDesk.Application.Briefings;

namespace GrievanceDesk.Application.Stats;

/// <summary>A group's place in the ranking (红黑榜). <see cref="Score"/> is null when none of its rates had anything to count.</summary>
public sealed record RankedGroup(int Key, int Rank, double? Score, RankingMark Mark);

/// <summary>
/// The ranking of units or regions (docs/product.md §5): only groups with at least the minimum of cases received in the period
/// take part. They are ordered by a composite score (综合得分), the weighted mean of the rates they have a denominator
/// for: 响应率 20 %, 按期办结率 20 %, 解决率 30 %, 满意率 30 % (the two return-visit rates weigh most, as in the
/// 12345 "三率" assessment); ties go to fewer overdue cases, then more cases. The top third, at most three, form the
/// red list (红榜) and as many from the bottom the black list (黑榜).
/// </summary>
public static class StatsRanking
{
    public const int MaxPerList = 3;

    /// <summary>The weights as printed in the briefing.</summary>
    public const string WeightsText = "响应率×20% + 按期办结率×20% + 解决率×30% + 满意率×30%（无分母的指标不计，权重按余下指标折算）";

    private static readonly (Func<StatsTally, Rate> Rate, double Weight)[] Weights =
    [
        (t => t.ResponseRate, 0.2),
        (t => t.OnTimeClosureRate, 0.2),
        (t => t.ResolutionRate, 0.3),
        (t => t.SatisfactionRate, 0.3),
    ];

    /// <summary>The ranked groups by key; a group not in the result is not ranked. The no-unit group never is.</summary>
    public static IReadOnlyDictionary<int, RankedGroup> Rank(IReadOnlyDictionary<int, StatsTally> groups, int minimumCases)
    {
        var ranked = groups
            .Where(g => g.Key != StatsTally.NoKey && g.Value.Received >= minimumCases)
            .Select(g => (g.Key, Tally: g.Value, Score: Score(g.Value)))
            .OrderBy(g => g.Score is null)
            .ThenByDescending(g => g.Score)
            .ThenBy(g => g.Tally.Overdue)
            .ThenByDescending(g => g.Tally.Received)
            .ThenBy(g => g.Key)
            .ToList();

        var scored = ranked.Count(g => g.Score is not null);
        var perList = Math.Min(MaxPerList, scored / 3);
        return ranked
            .Select((g, i) => new RankedGroup(g.Key, i + 1, g.Score, i < perList ? RankingMark.RedList : i >= scored - perList && i < scored ? RankingMark.BlackList : RankingMark.None))
            .ToDictionary(r => r.Key);
    }

    public static double? Score(StatsTally tally)
    {
        var counted = Weights.Where(w => w.Rate(tally).Value is not null).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        return counted.Sum(w => w.Rate(tally).Value!.Value * w.Weight) / counted.Sum(w => w.Weight);
    }
}
