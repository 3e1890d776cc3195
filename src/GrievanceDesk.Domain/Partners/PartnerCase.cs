using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Domain.Partners;

/// <summary>
/// A case a partner logged, under the partner's own reference (e.g. the provincial platform's 工单号). The reference is
/// unique per partner: a repeat of it is the same case, never a second one. A partner reads only the cases it logged.
/// </summary>
public sealed class PartnerCase
{
    public const int MaxReferenceLength = 64;

    /// <summary>Partners hand over cases from another platform (上级转办) or from the public online (网上).</summary>
    public static readonly IReadOnlyList<Channel> AllowedChannels = [Channel.Transfer, Channel.Online];

    private PartnerCase()
    {
    }

    public PartnerCase(int partnerId, string externalReference, long caseId, DateTime createdAtUtc)
    {
        PartnerId = partnerId;
        ExternalReference = externalReference;
        CaseId = caseId;
        CreatedAtUtc = createdAtUtc;
    }

    public long Id { get; private set; }
    public int PartnerId { get; private set; }
    public string ExternalReference { get; private set; } = string.Empty;
    public long CaseId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public static bool IsAllowedChannel(Channel channel) => AllowedChannels.Contains(channel);
}
