namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// That someone saw a case's complainants' full phone and ID numbers (查看完整联系方式): who, when, which case, why
/// (docs/product.md §7). Written in the same transaction as the reveal; append-only: nothing edits or removes a row.
/// </summary>
public sealed class RevealAudit
{
    private RevealAudit()
    {
    }

    internal RevealAudit(long caseId, DateTime atUtc, string userName, string displayName, int? unitId, string reason, int complainants)
    {
        CaseId = caseId;
        AtUtc = atUtc;
        UserName = userName;
        DisplayName = displayName;
        UnitId = unitId;
        Reason = reason;
        Complainants = complainants;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string UserName { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>The unit of the user who looked, when they belong to one.</summary>
    public int? UnitId { get; private set; }
    public string Reason { get; private set; } = string.Empty;

    /// <summary>How many complainants' numbers were shown.</summary>
    public int Complainants { get; private set; }
}
