using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases;

/// <summary>Reads cases for the caller: visibility by unit, masking of phone and ID numbers, a report's complainant hidden from the respondent unit.</summary>
public sealed class CaseReader(IAppDbContext db, ICurrentUser user, IUserDirectory users, TimeProvider clock, ReferenceData.IReferenceData reference)
{
    public Task<CaseDetailDto> Detail(long caseId, CancellationToken ct) => Detail(caseId, answersOwnWrite: false, ct);

    /// <summary>
    /// The case page. <paramref name="answersOwnWrite"/>: the answer to a write the caller was allowed to make, read
    /// whether or not the case is still theirs to see — a unit that returns a case (退单) no longer holds it, and the
    /// return must not be refused (and rolled back) for that.
    /// </summary>
    public async Task<CaseDetailDto> Detail(long caseId, bool answersOwnWrite, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Complainants)
            .Include(x => x.Attachments)
            .Include(x => x.Contacts)
            .Include(x => x.Feedback)
            .Include(x => x.Extensions)
            .Include(x => x.Pauses)
            .Include(x => x.ReturnVisits)
            .Include(x => x.Returns)
            .Include(x => x.SupervisionOrders)
            .Include(x => x.Timeline)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null || (!answersOwnWrite && !CasePermissions.MaySee(user, c.UnitId)))
        {
            throw new NotFoundException("案件", caseId);
        }

        var detail = await Describe(c, ct);
        return c.CadreUserName is { } cadre && (await users.DisplayNamesAsync([cadre], ct)).TryGetValue(cadre, out var name)
            ? detail with { CadreName = name }
            : detail;
    }

    /// <summary>
    /// The case page of a case created in this request: every child is still in memory, so nothing is read back
    /// (intake is the hot path; docs/product.md §10 asks 300 cases a second).
    /// </summary>
    public Task<CaseDetailDto> DescribeNew(Case c, CancellationToken ct) => Describe(c, ct);

    private async Task<CaseDetailDto> Describe(Case c, CancellationToken ct)
    {
        var unitIds = new[] { c.UnitId, c.RespondentUnitId }.Where(id => id is not null).Select(id => id!.Value).ToList();
        var snapshot = await reference.GetAsync(ct);
        var units = unitIds.Distinct().ToDictionary(id => id, id => snapshot.UnitsById[id]);
        var category = snapshot.Categories.Single(x => x.Id == c.CategoryId);
        var region = snapshot.Regions.Single(x => x.Id == c.RegionId);
        var policy = snapshot.SlaPolicies.Single(p => p.Id == c.SlaPolicyId);
        var (track, warnBeforeHours) = (policy.Track, policy.WarnBeforeHours);
        var terms = policy.Terms;
        var hidden = await HidesIdentity(c, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        return new CaseDetailDto
        {
            Id = c.Id,
            TrackingNo = c.TrackingNo,
            QueryCode = CasePermissions.Intake.Any(user.IsInRole) ? c.QueryCode : null,
            Version = c.Version,
            Status = c.Status,
            StatusName = c.Status.ToChinese(),
            Channel = c.Channel,
            Kind = c.Kind,
            Urgency = c.Urgency,
            ReceivedAt = At(c.ReceivedAtUtc),
            RegisteredAt = At(c.RegisteredAtUtc),
            IsAnonymous = c.IsAnonymous,
            IdentityHidden = hidden,
            Complainants = hidden ? [] : c.Complainants.OrderBy(p => p.Id).Select(p => new ComplainantDto(p.Name, Masking.Phone(p.Phone), Masking.IdNumber(p.IdNumber), p.Address)).ToList(),
            HeadCount = c.HeadCount,
            IsCollective = c.IsCollective,
            Category = Ref(category.Id, category.Code, category.Name),
            Region = Ref(region.Id, region.Code, region.Name),
            Address = c.Address,
            Subject = c.Subject,
            Content = c.Content,
            RespondentUnit = c.RespondentUnitId is { } r && units.TryGetValue(r, out var respondent) ? Ref(respondent.Id, respondent.Code, respondent.Name) : null,
            RespondentName = c.RespondentName,
            Track = track,
            Unit = c.UnitId is { } u && units.TryGetValue(u, out var unit) ? Ref(unit.Id, unit.Code, unit.Name) : null,
            CadreUserName = c.CadreUserName,
            RoutingRuleId = c.RoutingRuleId,
            DispatchedAt = At(c.DispatchedAtUtc),
            AcceptedAt = At(c.AcceptedAtUtc),
            FirstContactAt = At(c.FirstContactAtUtc),
            Deadlines = new DeadlinesDto(At(c.AcceptDeadlineUtc), At(c.ContactDeadlineUtc), At(c.HandleDeadlineUtc), At(c.FeedbackDeadlineUtc),
                At(c.CurrentDeadlineUtc), CaseStates.IsOverdue(c.CurrentDeadlineUtc, now),
                CaseStates.IsDueSoon(c.CurrentDeadlineUtc, TimeSpan.FromHours(warnBeforeHours), now), warnBeforeHours),
            HandleRound = c.HandleRound,
            Outcome = c.Outcome,
            ResolutionSummary = c.ResolutionSummary,
            ResolvedAt = At(c.ResolvedAtUtc),
            ClosedAt = At(c.ClosedAtUtc),
            CloseReason = c.CloseReason,
            ReopenCount = c.ReopenCount,
            IsRepeat = c.IsRepeat,
            RepeatOfCaseId = c.RepeatOfCaseId,
            MergedIntoCaseId = c.MergedIntoCaseId,
            IsPaused = c.IsPaused,
            AllowedActions = CasePermissions.Allowed(user, c),
            // A report's files may name its complainant: never listed to the respondent unit.
            Attachments = hidden ? [] : c.Attachments.OrderBy(a => a.Id).Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.SizeBytes)).ToList(),
            Contacts = c.Contacts.OrderBy(x => x.AtUtc).Select(x => new ContactDto(x.Id, At(x.AtUtc), x.Channel, x.Reached, x.Note, x.ByUserName)).ToList(),
            Feedback = c.Feedback.OrderBy(x => x.AtUtc).Select(x => new FeedbackDto(x.Id, At(x.AtUtc), x.Channel, x.Reached, x.Content, x.ComplainantResponse, x.ByUserName, x.Round)).ToList(),
            Extensions = c.Extensions.OrderBy(x => x.Id).Select(x => new ExtensionDto
            {
                Id = x.Id,
                Round = x.Round,
                Days = x.Days,
                Reason = x.Reason,
                Status = x.Status,
                RequestedBy = x.RequestedBy,
                RequestedAt = At(x.RequestedAtUtc),
                DecidedBy = x.DecidedBy,
                DecidedAt = At(x.DecidedAtUtc),
                DecisionNote = x.DecisionNote,
            }).ToList(),
            Pauses = c.Pauses.OrderBy(x => x.Id).Select(x => new PauseDto(x.Id, x.Reason, x.Status, x.RequestedBy, At(x.RequestedAtUtc), x.DecidedBy, At(x.StartedAtUtc), At(x.EndedAtUtc))).ToList(),
            ReturnVisits = c.ReturnVisits.OrderBy(x => x.AtUtc).Select(x => new ReturnVisitDto(x.Id, At(x.AtUtc), x.Satisfaction, x.Solved, x.Note, x.ByUserName, x.Round)).ToList(),
            Returns = c.Returns.OrderBy(x => x.AtUtc).Select(x => new CaseReturnDto(x.Id, x.UnitId, x.RoutingRuleId, x.Reason, At(x.AtUtc), x.ByUserName)).ToList(),
            SupervisionOrders = c.SupervisionOrders.OrderBy(x => x.IssuedAtUtc).Select(x => new SupervisionOrderDto(x.Id, x.Source, x.UnitId, x.Note, x.IssuedBy, At(x.IssuedAtUtc))).ToList(),
            Timeline = c.Timeline.OrderBy(t => t.Sequence).Select(t => new TimelineEntryDto
            {
                Sequence = t.Sequence,
                At = At(t.AtUtc),
                Actor = t.ActorUserName,
                ActorName = t.ActorName,
                Action = t.Action,
                Summary = t.Summary,
                Before = t.Before,
                After = t.After,
                IsPublic = t.IsPublic,
            }).ToList(),
            MaxExtensionDays = terms.MaxExtensionDays,
            ExtensionUnit = terms.ExtensionUnit,
        };
    }

    /// <summary>
    /// The caller's unit and its ancestors, empty for a caller without a unit. A report whose respondent is in this list
    /// must not show, nor be found or linked by, its complainant's identity (docs/product.md §3): see <see cref="Case.HidesIdentityFrom"/>.
    /// </summary>
    public async Task<List<int>> ViewerUnitAncestry(CancellationToken ct)
    {
        if (user.UnitId is not { } viewerUnit)
        {
            return [];
        }

        return [.. Tree.Ancestry(viewerUnit, (await reference.GetAsync(ct)).UnitParents)];
    }

    /// <summary>A report's complainant is never shown to users of the respondent unit or a unit below it (docs/product.md §3).</summary>
    private async Task<bool> HidesIdentity(Case c, CancellationToken ct) =>
        c.Kind == CaseKind.Report && user.UnitId is not null && c.HidesIdentityFrom(await ViewerUnitAncestry(ct));

    private static RefDto Ref(int id, string code, string name) => new(id, code, name);

    internal static DateTimeOffset At(DateTime utc) => ChinaTime.ToOffset(utc);

    internal static DateTimeOffset? At(DateTime? utc) => utc is { } v ? ChinaTime.ToOffset(v) : null;
}
