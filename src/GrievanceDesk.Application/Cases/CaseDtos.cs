using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;

namespace GrievanceDesk.Application.Cases;

/// <summary>A reference-data item as a case shows it.</summary>
public sealed record RefDto(int Id, string Code, string Name);

/// <summary>Phone and ID numbers are masked (docs/product.md §7); a report's complainant is hidden from the respondent unit.</summary>
public sealed record ComplainantDto(string Name, string? Phone, string? IdNumber, string? Address);

public sealed record TimelineEntryDto(int Sequence, DateTimeOffset At, string Actor, string ActorName, string Action, string Summary, string? Before, string? After, bool IsPublic);

public sealed record DeadlinesDto(
    DateTimeOffset Accept,
    DateTimeOffset? Contact,
    DateTimeOffset? Handle,
    DateTimeOffset? Feedback,
    DateTimeOffset? Current,
    bool Overdue,
    bool DueSoon,
    int WarnBeforeHours);

public sealed record ContactDto(long Id, DateTimeOffset At, ContactChannel Channel, bool Reached, string Note, string By);

public sealed record FeedbackDto(long Id, DateTimeOffset At, ContactChannel Channel, bool Reached, string Content, string? ComplainantResponse, string By, int Round);

public sealed record ExtensionDto(long Id, int Round, int Days, string Reason, ExtensionStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record PauseDto(long Id, string Reason, PauseStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

public sealed record ReturnVisitDto(long Id, DateTimeOffset At, Satisfaction Satisfaction, bool Solved, string? Note, string By, int Round);

public sealed record CaseReturnDto(long Id, int UnitId, int? RoutingRuleId, string Reason, DateTimeOffset At, string By);

public sealed record SupervisionOrderDto(long Id, SupervisionSource Source, int? UnitId, string Note, string IssuedBy, DateTimeOffset IssuedAt);

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long SizeBytes);

/// <summary>The case page: everything about one case, its deadlines, flags and whole timeline.</summary>
public sealed record CaseDetailDto(
    long Id,
    string TrackingNo,
    string? QueryCode,
    int Version,
    CaseStatus Status,
    string StatusName,
    Channel Channel,
    CaseKind Kind,
    Urgency Urgency,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    bool IsAnonymous,
    bool IdentityHidden,
    IReadOnlyList<ComplainantDto> Complainants,
    int HeadCount,
    bool IsCollective,
    RefDto Category,
    RefDto Region,
    string Address,
    string Subject,
    string Content,
    RefDto? RespondentUnit,
    string? RespondentName,
    SlaTrack Track,
    RefDto? Unit,
    string? CadreUserName,
    int? RoutingRuleId,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? FirstContactAt,
    DeadlinesDto Deadlines,
    int HandleRound,
    Outcome? Outcome,
    string? ResolutionSummary,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    CloseReason? CloseReason,
    int ReopenCount,
    bool IsRepeat,
    long? RepeatOfCaseId,
    long? MergedIntoCaseId,
    bool IsPaused,
    IReadOnlyList<CaseAction> AllowedActions,
    IReadOnlyList<AttachmentDto> Attachments,
    IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<FeedbackDto> Feedback,
    IReadOnlyList<ExtensionDto> Extensions,
    IReadOnlyList<PauseDto> Pauses,
    IReadOnlyList<ReturnVisitDto> ReturnVisits,
    IReadOnlyList<CaseReturnDto> Returns,
    IReadOnlyList<SupervisionOrderDto> SupervisionOrders,
    IReadOnlyList<TimelineEntryDto> Timeline)
{
    /// <summary>The assigned cadre's name (张伟), beside the login name.</summary>
    public string? CadreName { get; init; }

    /// <summary>延期: at most this many days, once per stage (the policy's cap).</summary>
    public int MaxExtensionDays { get; init; }

    /// <summary>Whether extension days are working days, calendar days or hours (the policy's unit).</summary>
    public Domain.Time.DurationUnit ExtensionUnit { get; init; }
}

/// <summary>A row of a case list.</summary>
public sealed record CaseListItemDto(
    long Id,
    string TrackingNo,
    CaseStatus Status,
    string StatusName,
    Channel Channel,
    CaseKind Kind,
    Urgency Urgency,
    string Subject,
    string? ComplainantName,
    string? ComplainantPhone,
    int CategoryId,
    int RegionId,
    int? UnitId,
    string? UnitName,
    string? CadreUserName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    bool DueSoon,
    bool IsCollective,
    bool IsRepeat,
    bool IsPaused)
{
    /// <summary>The assigned cadre's name (张伟), beside the login name.</summary>
    public string? CadreName { get; init; }
}

/// <summary>
/// A page of a list. <see cref="Total"/> is exact up to <see cref="TotalLimit"/>; past it the list stops counting
/// (counting a million rows per page would cost more than the page) and says "10,000+" (<see cref="TotalIsLowerBound"/>).
/// </summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public const int TotalLimit = 10_000;

    /// <summary>There are more than <see cref="Total"/> (which is then <see cref="TotalLimit"/>).</summary>
    public bool TotalIsLowerBound { get; init; }

    /// <summary>The total as shown: "10,000+" when bounded.</summary>
    public string TotalText => TotalIsLowerBound
        ? Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + "+"
        : Total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A page whose total was counted up to <see cref="TotalLimit"/> + 1.</summary>
    public static PagedResult<T> Bounded(IReadOnlyList<T> items, int counted, int page, int pageSize) =>
        new(items, Math.Min(counted, TotalLimit), page, pageSize) { TotalIsLowerBound = counted > TotalLimit };
}
