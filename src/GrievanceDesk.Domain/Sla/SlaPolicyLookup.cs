using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Domain.Sla;

/// <summary>
/// The SLA policy (时限规则) a new case is held to (docs/product.md §4): its track by channel (<see cref="SlaTrackDefaults"/>),
/// its category with the policies of the category's ancestors inherited, and its urgency (a collective petition's is
/// urgent: pass <see cref="Case.UrgencyOf"/>); among the active policies, the most specific wins (<see cref="SlaPolicySelector"/>).
/// </summary>
public static class SlaPolicyLookup
{
    /// <param name="categoryParents">The category tree as a parent map.</param>
    /// <exception cref="Common.DomainRuleException"><c>sla-policy-missing</c> when no active policy applies.</exception>
    public static SlaPolicy For(IEnumerable<SlaPolicy> policies, IReadOnlyDictionary<int, int?> categoryParents, Channel channel, int categoryId, Urgency urgency)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(categoryParents);
        return SlaPolicySelector.Select(policies.Where(p => p.IsActive), SlaTrackDefaults.For(channel), Tree.Ancestry(categoryId, categoryParents), urgency);
    }
}
