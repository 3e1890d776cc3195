using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.Sla;

/// <summary>Picks the SLA policy that governs a case: the most specific active policy of its track.</summary>
public static class SlaPolicySelector
{
    /// <summary>
    /// A policy for the leaf category beats one for its parent, which beats one for any category; at the same
    /// category level an exact urgency beats "any urgency". Equally specific policies (an admin's duplicate) resolve
    /// to the lowest id, so the choice never depends on load order.
    /// </summary>
    /// <param name="categoryAncestry">The case's category first, then its parent, and so on up the tree (may be empty).</param>
    /// <exception cref="DomainRuleException"><c>sla-policy-missing</c> when no active policy applies.</exception>
    public static SlaPolicy Select(IEnumerable<SlaPolicy> policies, SlaTrack track, IReadOnlyList<int> categoryAncestry, Urgency urgency)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(categoryAncestry);

        SlaPolicy? best = null;
        (int Category, int Urgency, int Id) bestRank = default;
        foreach (var policy in policies)
        {
            if (!policy.IsActive || policy.Track != track)
            {
                continue;
            }

            var categoryRank = policy.CategoryId is { } categoryId ? IndexOf(categoryAncestry, categoryId) : categoryAncestry.Count;
            var urgencyRank = policy.Urgency is null ? 1 : policy.Urgency == urgency ? 0 : -1;
            if (categoryRank < 0 || urgencyRank < 0)
            {
                continue;
            }

            var rank = (categoryRank, urgencyRank, policy.Id);
            if (best is null || rank.CompareTo(bestRank) < 0)
            {
                (best, bestRank) = (policy, rank);
            }
        }

        return best ?? throw new DomainRuleException(
            "sla-policy-missing",
            $"No active SLA policy (时限规则) applies to a {urgency} case on the {track} track in this category.");
    }

    private static int IndexOf(IReadOnlyList<int> ancestry, int categoryId)
    {
        for (var i = 0; i < ancestry.Count; i++)
        {
            if (ancestry[i] == categoryId)
            {
                return i;
            }
        }

        return -1;
    }
}
