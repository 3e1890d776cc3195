using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// A case (信访件/工单) and its life (docs/product.md §3). Every rule of the case is checked here, by the command that could break
/// it; a refused command throws <see cref="DomainRuleException"/> with a slug from <see cref="RuleSlugs"/> and changes
/// nothing. Every change appends to the <see cref="Timeline"/> and may raise <see cref="PendingNotifications"/>.
/// The commands live in the partial files Case.Routing, Case.Handling, Case.LastMile, Case.Oversight and Case.Reveal.
/// </summary>
public sealed partial class Case : IVersioned
{
    /// <summary>People present from which a case is a collective petition (集体访).</summary>
    public const int CollectiveHeadCount = 5;

    private readonly List<Complainant> _complainants = [];
    private readonly List<CaseAttachment> _attachments = [];
    private readonly List<ContactRecord> _contacts = [];
    private readonly List<FeedbackRecord> _feedback = [];
    private readonly List<ExtensionRequest> _extensions = [];
    private readonly List<PauseRecord> _pauses = [];
    private readonly List<ReturnVisit> _returnVisits = [];
    private readonly List<CaseReturn> _returns = [];
    private readonly List<SupervisionOrder> _supervisionOrders = [];
    private readonly List<TimelineEntry> _timeline = [];

    // Not persisted with the case: the caller drains it into the outbox. Named so that no EF convention maps it.
    private readonly List<CaseNotification> _raised = [];

    private Case()
    {
    }

    public long Id { get; private set; }

    /// <inheritdoc />
    public int Version { get; set; }

    // Intake
    public string TrackingNo { get; private set; } = string.Empty;

    /// <summary>The short code that, with the tracking number, opens the public tracking page.</summary>
    public string QueryCode { get; private set; } = string.Empty;
    public Channel Channel { get; private set; }
    public CaseKind Kind { get; private set; }
    public Urgency Urgency { get; private set; }
    public DateTime ReceivedAtUtc { get; private set; }
    public DateTime RegisteredAtUtc { get; private set; }
    public bool IsAnonymous { get; private set; }
    public int HeadCount { get; private set; }

    /// <summary>HeadCount ≥ 5 (集体访). Stored, since it never changes after intake.</summary>
    public bool IsCollective { get; private set; }
    public int CategoryId { get; private set; }
    public int RegionId { get; private set; }
    public string Address { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string Content { get; private set; } = string.Empty;
    public int? RespondentUnitId { get; private set; }
    public string? RespondentName { get; private set; }
    public int SlaPolicyId { get; private set; }

    // Routing
    /// <summary>The responsible unit (承办单位); null while in the dispatcher queue.</summary>
    public int? UnitId { get; private set; }
    public string? CadreUserName { get; private set; }

    /// <summary>The routing rule that sent the case to its unit; null for a manual dispatch.</summary>
    public int? RoutingRuleId { get; private set; }
    public DateTime? DispatchedAtUtc { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }

    /// <summary>The earliest contact that reached the complainant.</summary>
    public DateTime? FirstContactAtUtc { get; private set; }

    // Deadlines
    public DateTime AcceptDeadlineUtc { get; private set; }
    public DateTime? ContactDeadlineUtc { get; private set; }
    public DateTime? HandleDeadlineUtc { get; private set; }
    public DateTime? FeedbackDeadlineUtc { get; private set; }

    /// <summary>When the current accept clock started: receipt, or the reopen that sent the case back to the queue. Null on rows older than the column (then receipt).</summary>
    public DateTime? AcceptStartedAtUtc { get; private set; }

    /// <summary>When the current round's handle clock started: acceptance, or the reopen (重办). See <see cref="Sla.HandleClock"/>.</summary>
    public DateTime? HandleStartedAtUtc { get; private set; }

    // Resolution and closing
    /// <summary>1, then one more for each reopen (重办). Feedback, extensions and return visits belong to a round.</summary>
    public int HandleRound { get; private set; }
    public Outcome? Outcome { get; private set; }
    public string? ResolutionSummary { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public string? ResolvedBy { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public CloseReason? CloseReason { get; private set; }
    public int ReopenCount { get; private set; }

    // Duplicates
    public bool IsRepeat { get; private set; }
    public long? RepeatOfCaseId { get; private set; }
    public long? MergedIntoCaseId { get; private set; }

    /// <summary>The handle clock is stopped by an approved pause (中止).</summary>
    public bool IsPaused { get; private set; }
    public CaseStatus Status { get; private set; }

    /// <summary>How many entries the timeline has; numbers the next one without loading the timeline.</summary>
    public int TimelineCount { get; private set; }

    public IReadOnlyCollection<Complainant> Complainants => _complainants.AsReadOnly();
    public IReadOnlyCollection<CaseAttachment> Attachments => _attachments.AsReadOnly();
    public IReadOnlyCollection<ContactRecord> Contacts => _contacts.AsReadOnly();
    public IReadOnlyCollection<FeedbackRecord> Feedback => _feedback.AsReadOnly();
    public IReadOnlyCollection<ExtensionRequest> Extensions => _extensions.AsReadOnly();
    public IReadOnlyCollection<PauseRecord> Pauses => _pauses.AsReadOnly();
    public IReadOnlyCollection<ReturnVisit> ReturnVisits => _returnVisits.AsReadOnly();
    public IReadOnlyCollection<CaseReturn> Returns => _returns.AsReadOnly();
    public IReadOnlyCollection<SupervisionOrder> SupervisionOrders => _supervisionOrders.AsReadOnly();
    public IReadOnlyCollection<TimelineEntry> Timeline => _timeline.AsReadOnly();

    /// <summary>Notifications raised since the case was loaded, for the outbox. Not persisted with the case.</summary>
    public IReadOnlyList<CaseNotification> PendingNotifications => _raised.AsReadOnly();

    /// <summary>Neither closed nor merged (<see cref="CaseStates.Open"/>).</summary>
    public bool IsOpen => CaseStates.IsOpenCompiled(this);

    /// <summary>In the dispatcher queue (待派单): registered, not merged, not answered, not yet sent to a unit.</summary>
    public bool IsAwaitingDispatch => Status == CaseStatus.Registered;

    /// <summary>The deadline the case is held to now (<see cref="CaseStates.CurrentDeadline"/>); none while the handle clock is paused.</summary>
    public DateTime? CurrentDeadlineUtc => CaseStates.CurrentDeadlineCompiled(this);

    /// <summary>
    /// Whether the complainant's identity must be hidden from a viewer of the unit with this ancestry (the unit first,
    /// then its ancestors): a report (检举控告) is never shown to the respondent unit or a unit below it.
    /// </summary>
    public bool HidesIdentityFrom(IReadOnlyList<int> viewerUnitAncestry) => HidesIdentity(Kind, RespondentUnitId, viewerUnitAncestry);

    /// <summary>
    /// The identity rule on a case read as a row (a list projection): a report's complainant is hidden from the respondent
    /// unit and the units above it (<see cref="CaseStates.ShowsIdentityTo"/> is the same rule as a query filter).
    /// </summary>
    public static bool HidesIdentity(CaseKind kind, int? respondentUnitId, IReadOnlyList<int> viewerUnitAncestry) =>
        kind == CaseKind.Report && ConflictGuard.IsConflicted(respondentUnitId, viewerUnitAncestry);

    public void ClearPendingNotifications() => _raised.Clear();

    /// <summary>Whether so many people make a collective petition (集体访).</summary>
    public static bool IsCollectiveHeadCount(int headCount) => headCount >= CollectiveHeadCount;

    /// <summary>
    /// The urgency a new case gets: a collective petition is urgent whatever was asked (docs/product.md §3). Intake
    /// picks the SLA policy with it before the case exists.
    /// </summary>
    public static Urgency UrgencyOf(int headCount, Urgency asked) => IsCollectiveHeadCount(headCount) ? Urgency.Urgent : asked;

    /// <summary>Logs a new case in the dispatcher queue (登记). Routing, if a rule hits, is a <see cref="Dispatch"/> after this.</summary>
    public static Case Register(NewCase data, string trackingNo, string queryCode, int slaPolicyId, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackingNo);
        ArgumentException.ThrowIfNullOrWhiteSpace(queryCode);

        var receivedAt = ChinaTime.AsUtc(data.ReceivedAtUtc);
        var complainants = data.Complainants ?? [];
        Rules.Check(new InstantMustNotBeInFuture(RuleSlugs.ReceivedInFuture, "收件时间", "the received time", receivedAt, ctx.NowUtc));
        Rules.Check(new ComplainantRequiredUnlessAnonymous(data.IsAnonymous, complainants.Count));
        Rules.Check(new AnonymousCaseHasNoComplainant(data.IsAnonymous, complainants.Count));
        Rules.Check(new HeadCountMustBePositive(data.HeadCount));
        var subject = Require(data.Subject, "诉求标题", "the subject");
        var content = Require(data.Content, "诉求内容", "the content");

        var collective = IsCollectiveHeadCount(data.HeadCount);
        var @case = new Case
        {
            TrackingNo = trackingNo.Trim(),
            QueryCode = queryCode.Trim(),
            Channel = data.Channel,
            Kind = data.Kind,
            Urgency = UrgencyOf(data.HeadCount, data.Urgency),
            ReceivedAtUtc = receivedAt,
            RegisteredAtUtc = ctx.NowUtc,
            IsAnonymous = data.IsAnonymous,
            HeadCount = data.HeadCount,
            IsCollective = collective,
            CategoryId = data.CategoryId,
            RegionId = data.RegionId,
            Address = data.Address?.Trim() ?? string.Empty,
            Subject = subject,
            Content = content,
            RespondentUnitId = data.RespondentUnitId,
            RespondentName = Optional(data.RespondentName),
            SlaPolicyId = slaPolicyId,
            Status = CaseStatus.Registered,
            HandleRound = 1,
            AcceptStartedAtUtc = receivedAt,
            AcceptDeadlineUtc = ctx.Calendar.DeadlineFrom(receivedAt, ctx.Terms.Accept),
        };

        foreach (var person in complainants)
        {
            var name = Require(person.Name, "诉求人姓名", "the complainant's name");
            @case._complainants.Add(new Complainant(name, Optional(person.Phone), Optional(person.IdNumber), Optional(person.Address)));
        }

        foreach (var file in data.Attachments ?? [])
        {
            @case._attachments.Add(new CaseAttachment(file.FileName, file.ContentType, file.SizeBytes, file.StorageKey));
        }

        @case.RecordStats(StatsEventKind.Received, receivedAt);
        var collectiveNote = collective ? $"（集体访，{data.HeadCount}人）" : string.Empty;
        @case.Append(ctx, TimelineActions.Registered,
            $"登记{data.Channel.ToChinese()}诉求{collectiveNote}，受理时限至{CaseText.Cst(@case.AcceptDeadlineUtc)}", isPublic: true);

        @case.NotifyComplainant(NotificationTemplates.CaseRegistered,
            $"您反映的问题已登记，件号{@case.TrackingNo}，查询码{@case.QueryCode}，可凭件号和查询码查询办理进度。");
        if (collective)
        {
            @case.Notify(NotificationAudience.Leaders, NotificationTemplates.CollectivePetition,
                $"集体访：{@case.TrackingNo}，{data.HeadCount}人，{subject}。");
        }

        return @case;
    }

    private static string Require(string? text, string fieldChinese, string fieldEnglish)
    {
        Rules.Check(new TextMustNotBeBlank(text, fieldChinese, fieldEnglish));
        return text!.Trim();
    }

    private static string? Optional(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The command's context was authorized for the action, and the action is in the state diagram from the current status.</summary>
    private void Ensure(CaseAction action, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.EnsureAuthorized(action);
        Rules.Check(new TransitionMustBeInDiagram(Status, action));
    }

    private static void RequireSaved(Case other)
    {
        if (other.Id == 0)
        {
            throw new InvalidOperationException($"Case {other.TrackingNo} has no id yet; save it before linking another case to it.");
        }
    }

    /// <summary>Appends to the timeline; with <paramref name="before"/>, records the tracked fields that changed since then.</summary>
    private void Append(CaseContext ctx, string action, string summary, Snapshot? before = null, bool isPublic = false)
    {
        var (was, now) = before is { } snapshot ? snapshot.Diff(Snap()) : (null, null);
        TimelineCount++;
        _timeline.Add(new TimelineEntry(TimelineCount, ctx.NowUtc, ctx.Actor.UserName, ctx.Actor.DisplayName, action, summary, was, now, isPublic));
    }

    private void Notify(NotificationAudience audience, string template, string text, int? unitId = null, string? userName = null) =>
        _raised.Add(new CaseNotification(audience, unitId, userName, template, text));

    /// <summary>An anonymous case has nobody to tell.</summary>
    private void NotifyComplainant(string template, string text)
    {
        if (!IsAnonymous)
        {
            Notify(NotificationAudience.Complainant, template, text);
        }
    }

    /// <summary>The responsible unit's leaders; the dispatchers while the case has no unit.</summary>
    private void NotifyUnitLeaders(string template, string text)
    {
        if (UnitId is { } unit)
        {
            Notify(NotificationAudience.UnitLeaders, template, text, unitId: unit);
        }
        else
        {
            Notify(NotificationAudience.Dispatchers, template, text);
        }
    }

    private void NotifyCadre(string template, string text)
    {
        if (CadreUserName is { } cadre)
        {
            Notify(NotificationAudience.Cadre, template, text, UnitId, cadre);
        }
    }

    private Snapshot Snap() => new(Status, UnitId, CadreUserName, AcceptDeadlineUtc, ContactDeadlineUtc, HandleDeadlineUtc, FeedbackDeadlineUtc, IsPaused, HandleRound);

    /// <summary>The fields whose before/after the timeline records.</summary>
    private readonly record struct Snapshot(
        CaseStatus Status,
        int? UnitId,
        string? Cadre,
        DateTime AcceptDeadline,
        DateTime? ContactDeadline,
        DateTime? HandleDeadline,
        DateTime? FeedbackDeadline,
        bool Paused,
        int Round)
    {
        public (string? Before, string? After) Diff(Snapshot after)
        {
            var was = new List<string>();
            var now = new List<string>();
            Compare("status", Status, after.Status);
            Compare("unit", UnitId, after.UnitId);
            Compare("cadre", Cadre, after.Cadre);
            Compare("acceptDeadline", AcceptDeadline, after.AcceptDeadline);
            Compare("contactDeadline", ContactDeadline, after.ContactDeadline);
            Compare("handleDeadline", HandleDeadline, after.HandleDeadline);
            Compare("feedbackDeadline", FeedbackDeadline, after.FeedbackDeadline);
            Compare("paused", Paused, after.Paused);
            Compare("round", Round, after.Round);
            return was.Count == 0 ? (null, null) : (string.Join("; ", was), string.Join("; ", now));

            void Compare<T>(string key, T before, T current)
            {
                if (!EqualityComparer<T>.Default.Equals(before, current))
                {
                    was.Add($"{key}={CaseText.Value(before)}");
                    now.Add($"{key}={CaseText.Value(current)}");
                }
            }
        }
    }
}
