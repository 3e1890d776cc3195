using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>派单规则: (category?, region?) → unit. The most specific match wins; no match leaves the case in the dispatcher queue.</summary>
public sealed class RoutingRule
{
    private RoutingRule()
    {
    }

    public RoutingRule(int? categoryId, int? regionId, int unitId, string? note)
    {
        Set(categoryId, regionId, unitId, note, isActive: true);
    }

    public int Id { get; private set; }
    public int? CategoryId { get; private set; }
    public int? RegionId { get; private set; }
    public int UnitId { get; private set; }
    public string? Note { get; private set; }
    public bool IsActive { get; private set; }

    public void Update(int? categoryId, int? regionId, int unitId, string? note, bool isActive) =>
        Set(categoryId, regionId, unitId, note, isActive);

    private void Set(int? categoryId, int? regionId, int unitId, string? note, bool isActive)
    {
        Rules.Check(categoryId is null && regionId is null, "routing-rule-empty",
            "派单规则至少要指定问题分类或属地之一 (a routing rule needs a category or a region).");
        CategoryId = categoryId;
        RegionId = regionId;
        UnitId = unitId;
        Note = note;
        IsActive = isActive;
    }
}

/// <summary>Picks the rule for a case: category+region beats category beats region; a closer tree match beats a farther one.</summary>
public static class RoutingRuleMatcher
{
    /// <param name="categoryAncestry">The case's category first, then its parent.</param>
    /// <param name="regionAncestry">The case's region first, then its ancestors up to the district.</param>
    public static RoutingRule? Match(IEnumerable<RoutingRule> rules, IReadOnlyList<int> categoryAncestry, IReadOnlyList<int> regionAncestry)
    {
        RoutingRule? best = null;
        (int Kind, int Distance) bestScore = (int.MaxValue, int.MaxValue);
        foreach (var rule in rules.Where(r => r.IsActive))
        {
            var categoryDistance = Distance(rule.CategoryId, categoryAncestry);
            var regionDistance = Distance(rule.RegionId, regionAncestry);
            if (categoryDistance < 0 || regionDistance < 0)
            {
                continue;
            }

            // Kind 0: category+region, 1: category only, 2: region only.
            var kind = rule.CategoryId is not null && rule.RegionId is not null ? 0 : rule.CategoryId is not null ? 1 : 2;
            var score = (kind, categoryDistance + regionDistance);
            if (score.CompareTo(bestScore) < 0 || (score == bestScore && best is not null && rule.Id < best.Id))
            {
                best = rule;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>0 when the rule does not constrain this dimension or matches the leaf; n for the n-th ancestor; −1 for no match.</summary>
    private static int Distance(int? ruleValue, IReadOnlyList<int> ancestry)
    {
        if (ruleValue is null)
        {
            return 0;
        }

        for (var i = 0; i < ancestry.Count; i++)
        {
            if (ancestry[i] == ruleValue)
            {
                return i;
            }
        }

        return -1;
    }
}
