namespace GrievanceDesk.Domain.Cases;

/// <summary>The intake fields of a case (docs/product.md §3), as the front desk logs them.</summary>
/// <param name="ReceivedAtUtc">When the office received it; may be earlier than registration (a letter of last week), never later.</param>
/// <param name="Complainants">One or more, unless <paramref name="IsAnonymous"/> (then none).</param>
/// <param name="HeadCount">People present; 5 or more make a collective petition (集体访).</param>
/// <param name="RespondentUnitId">被反映单位, when the case is about a unit of the tree.</param>
/// <param name="RespondentName">被反映人员 or a respondent outside the unit tree.</param>
public sealed record NewCase(
    Channel Channel,
    CaseKind Kind,
    Urgency Urgency,
    DateTime ReceivedAtUtc,
    bool IsAnonymous,
    IReadOnlyList<NewComplainant> Complainants,
    int HeadCount,
    int CategoryId,
    int RegionId,
    string Address,
    string Subject,
    string Content,
    int? RespondentUnitId = null,
    string? RespondentName = null,
    IReadOnlyList<NewAttachment>? Attachments = null);

public sealed record NewComplainant(string Name, string? Phone = null, string? IdNumber = null, string? Address = null);

/// <summary>An uploaded file's metadata; the bytes live in storage under <paramref name="StorageKey"/>.</summary>
public sealed record NewAttachment(string FileName, string ContentType, long SizeBytes, string StorageKey);
