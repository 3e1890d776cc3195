namespace GrievanceDesk.Domain.Cases;

/// <summary>退单: a unit said "not ours". Counts against <see cref="RoutingRuleId"/>, the rule that sent it (if any).</summary>
public sealed class CaseReturn
{
    private CaseReturn()
    {
    }

    internal CaseReturn(int unitId, int? routingRuleId, string reason, DateTime atUtc, string byUserName)
    {
        UnitId = unitId;
        RoutingRuleId = routingRuleId;
        Reason = reason;
        AtUtc = atUtc;
        ByUserName = byUserName;
    }

    public long Id { get; private set; }
    public int UnitId { get; private set; }
    public int? RoutingRuleId { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public DateTime AtUtc { get; private set; }
    public string ByUserName { get; private set; } = string.Empty;
}
