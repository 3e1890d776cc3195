using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;

namespace GrievanceDesk.Application.Cases;

/// <summary>A reference-data item as a case shows it.</summary>
public sealed record RefDto(int Id, string Code, string Name);

/// <summary>Phone and ID numbers are masked (docs/product.md §7); a report's complainant is hidden from the respondent unit.</summary>
public sealed record ComplainantDto(string Name, string? Phone, string? IdNumber, string? Address);

public sealed record TimelineEntryDto
{
    public required int Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public required string ActorName { get; init; }

    public required string Action { get; init; }

    public required string Summary { get; init; }

    public required string? Before { get; init; }

    public required string? After { get; init; }

    public required bool IsPublic { get; init; }
}

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

public sealed record ExtensionDto
{
    public required long Id { get; init; }

    public required int Round { get; init; }

    public required int Days { get; init; }

    public required string Reason { get; init; }

    public required ExtensionStatus Status { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required string? DecidedBy { get; init; }

    public required DateTimeOffset? DecidedAt { get; init; }

    public required string? DecisionNote { get; init; }
}

public sealed record PauseDto(long Id, string Reason, PauseStatus Status, string RequestedBy, DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

public sealed record ReturnVisitDto(long Id, DateTimeOffset At, Satisfaction Satisfaction, bool Solved, string? Note, string By, int Round);

public sealed record CaseReturnDto(long Id, int UnitId, int? RoutingRuleId, string Reason, DateTimeOffset At, string By);

public sealed record SupervisionOrderDto(long Id, SupervisionSource Source, int? UnitId, string Note, string IssuedBy, DateTimeOffset IssuedAt);

public sealed record AttachmentDto(long Id, string FileName, string ContentType, long SizeBytes);

/// <summary>The case page: everything about one case, its deadlines, flags and whole timeline.</summary>
public sealed record CaseDetailDto
{
    public required long Id { get; init; }

    public required string TrackingNo { get; init; }

    public required string? QueryCode { get; init; }

    public required int Version { get; init; }

    public required CaseStatus Status { get; init; }

    public required string StatusName { get; init; }

    public required Channel Channel { get; init; }

    public required CaseKind Kind { get; init; }

    public required Urgency Urgency { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required bool IsAnonymous { get; init; }

    public required bool IdentityHidden { get; init; }

    public required IReadOnlyList<ComplainantDto> Complainants { get; init; }

    public required int HeadCount { get; init; }

    public required bool IsCollective { get; init; }

    public required RefDto Category { get; init; }

    public required RefDto Region { get; init; }

    public required string Address { get; init; }

    public required string Subject { get; init; }

    public required string Content { get; init; }

    public required RefDto? RespondentUnit { get; init; }

    public required string? RespondentName { get; init; }

    public required SlaTrack Track { get; init; }

    public required RefDto? Unit { get; init; }

    public required string? CadreUserName { get; init; }

    public required int? RoutingRuleId { get; init; }

    public required DateTimeOffset? DispatchedAt { get; init; }

    public required DateTimeOffset? AcceptedAt { get; init; }

    public required DateTimeOffset? FirstContactAt { get; init; }

    public required DeadlinesDto Deadlines { get; init; }

    public required int HandleRound { get; init; }

    public required Outcome? Outcome { get; init; }

    public required string? ResolutionSummary { get; init; }

    public required DateTimeOffset? ResolvedAt { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required CloseReason? CloseReason { get; init; }

    public required int ReopenCount { get; init; }

    public required bool IsRepeat { get; init; }

    public required long? RepeatOfCaseId { get; init; }

    public required long? MergedIntoCaseId { get; init; }

    public required bool IsPaused { get; init; }

    public required IReadOnlyList<CaseAction> AllowedActions { get; init; }

    public required IReadOnlyList<AttachmentDto> Attachments { get; init; }

    public required IReadOnlyList<ContactDto> Contacts { get; init; }

    public required IReadOnlyList<FeedbackDto> Feedback { get; init; }

    public required IReadOnlyList<ExtensionDto> Extensions { get; init; }

    public required IReadOnlyList<PauseDto> Pauses { get; init; }

    public required IReadOnlyList<ReturnVisitDto> ReturnVisits { get; init; }

    public required IReadOnlyList<CaseReturnDto> Returns { get; init; }

    public required IReadOnlyList<SupervisionOrderDto> SupervisionOrders { get; init; }

    public required IReadOnlyList<TimelineEntryDto> Timeline { get; init; }

    /// <summary>The assigned cadre's name (张伟), beside the login name.</summary>
    public string? CadreName { get; init; }

    /// <summary>延期: at most this many days, once per stage (the policy's cap).</summary>
    public int MaxExtensionDays { get; init; }

    /// <summary>Whether extension days are working days, calendar days or hours (the policy's unit).</summary>
    public Domain.Time.DurationUnit ExtensionUnit { get; init; }
}

/// <summary>A row of a case list.</summary>
public sealed record CaseListItemDto
{
    public required long Id { get; init; }

    public required string TrackingNo { get; init; }

    public required CaseStatus Status { get; init; }

    public required string StatusName { get; init; }

    public required Channel Channel { get; init; }

    public required CaseKind Kind { get; init; }

    public required Urgency Urgency { get; init; }

    public required string Subject { get; init; }

    public required string? ComplainantName { get; init; }

    public required string? ComplainantPhone { get; init; }

    public required int CategoryId { get; init; }

    public required int RegionId { get; init; }

    public required int? UnitId { get; init; }

    public required string? UnitName { get; init; }

    public required string? CadreUserName { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset? DueAt { get; init; }

    public required bool Overdue { get; init; }

    public required bool DueSoon { get; init; }

    public required bool IsCollective { get; init; }

    public required bool IsRepeat { get; init; }

    public required bool IsPaused { get; init; }

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
