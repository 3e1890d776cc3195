using System.Security.Cryptography;
using System.Text;
using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Queries;

public sealed record GetCase(long CaseId) : IQuery<CaseDetailDto>;

public enum CaseSort
{
    /// <summary>Newest first.</summary>
    Registered,

    /// <summary>Nearest deadline first (the unit's inbox).</summary>
    Due,
}

/// <summary>
/// GET /api/cases: the filters of docs/product.md §6, paged; a unit's staff see only their unit. With <see cref="Q"/> and no
/// <see cref="Sort"/> the search's own ranking (Search/CaseSearch); with a sort, the search only filters.
/// </summary>
public sealed record ListCases(
    CaseStatus? Status = null,
    string? Unit = null,
    string? Category = null,
    string? Region = null,
    Channel? Channel = null,
    bool? Overdue = null,
    string? Q = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 20,
    CaseSort? Sort = null,
    string? Cadre = null,
    bool AwaitingDecision = false) : IQuery<PagedResult<CaseListItemDto>>;

public sealed record PublicReplyDto(DateTimeOffset At, string Text);

/// <summary>What the complainant sees with tracking number and query code (阳光信访): nothing personal.</summary>
public sealed record TrackingDto
{
    public required string TrackingNo { get; init; }

    public required string Status { get; init; }

    public required string StatusName { get; init; }

    public required string? UnitName { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public required DateTimeOffset AcceptDeadline { get; init; }

    public required DateTimeOffset? HandleDeadline { get; init; }

    public required DateTimeOffset? ClosedAt { get; init; }

    public required IReadOnlyList<PublicReplyDto> Replies { get; init; }
}

public sealed record TrackCase(string TrackingNo, string? Code) : IQuery<TrackingDto>;

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public const int MaxPageSize = 100;

    public ListCasesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        // A list pages through its first 10,000 (the bounded total); past that the filters narrow it.
        RuleFor(x => x.Page).Must((q, page) => (long)(page - 1) * q.PageSize < PagedResult<CaseListItemDto>.TotalLimit)
            .WithMessage($"只能翻阅前 {PagedResult<CaseListItemDto>.TotalLimit:N0} 件，请缩小筛选条件 (narrow the filters to page further).");
        RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Unit).MaximumLength(32);
        RuleFor(x => x.Category).MaximumLength(32);
        RuleFor(x => x.Region).MaximumLength(32);
        RuleFor(x => x.From).SupportedDate();
        RuleFor(x => x.To).SupportedDate();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null);
    }
}

public sealed class TrackCaseValidator : AbstractValidator<TrackCase>
{
    public TrackCaseValidator()
    {
        RuleFor(x => x.TrackingNo).NotEmpty().MaximumLength(16);
        RuleFor(x => x.Code).NotEmpty().MaximumLength(8);
    }
}

public sealed class CaseQueryHandlers(IAppDbContext db, ICurrentUser user, CaseReader reader, Search.CaseSearch search, IUserDirectory users, TimeProvider clock, TrackingAttempts tracking) :
    IQueryHandler<GetCase, CaseDetailDto>,
    IQueryHandler<ListCases, PagedResult<CaseListItemDto>>,
    IQueryHandler<TrackCase, TrackingDto>
{
    public async ValueTask<CaseDetailDto> Handle(GetCase query, CancellationToken ct) => await reader.Detail(query.CaseId, ct);

    public async ValueTask<PagedResult<CaseListItemDto>> Handle(ListCases q, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cases = db.Cases.AsNoTracking();
        if (!CasePermissions.ReadAll.Any(user.IsInRole))
        {
            var own = user.UnitId ?? -1;
            cases = cases.Where(c => c.UnitId == own);
        }

        if (q.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (q.Unit is { Length: > 0 } unitCode)
        {
            cases = cases.Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Code == unitCode));
        }

        if (q.Category is { Length: > 0 } categoryCode)
        {
            var ids = await SubtreeIds(db.Categories.AsNoTracking().Select(c => new TreeRow(c.Id, c.ParentId, c.Code)), categoryCode, ct);
            cases = cases.Where(c => ids.Contains(c.CategoryId));
        }

        if (q.Region is { Length: > 0 } regionCode)
        {
            var ids = await SubtreeIds(db.Regions.AsNoTracking().Select(r => new TreeRow(r.Id, r.ParentId, r.Code)), regionCode, ct);
            cases = cases.Where(c => ids.Contains(c.RegionId));
        }

        if (q.Channel is { } channel)
        {
            cases = cases.Where(c => c.Channel == channel);
        }

        if (q.Cadre is { Length: > 0 } cadre)
        {
            cases = cases.Where(c => c.CadreUserName == cadre);
        }

        if (q.AwaitingDecision)
        {
            // 待审批: an extension or a pause waiting for the unit leader.
            cases = cases.Where(c => c.Extensions.Any(e => e.Status == ExtensionStatus.Pending) || c.Pauses.Any(p => p.Status == PauseStatus.Requested));
        }

        if (q.Overdue is { } overdue)
        {
            // The stored copy of CaseStates.CurrentDeadline (indexed), against the one overdue cutoff.
            var cutoff = CaseStates.OverdueCutoff(now);
            cases = overdue
                ? cases.Where(c => EF.Property<DateTime?>(c, "DueAtUtc") <= cutoff)
                : cases.Where(c => EF.Property<DateTime?>(c, "DueAtUtc") == null || EF.Property<DateTime?>(c, "DueAtUtc") > cutoff);
        }

        if (q.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            cases = cases.Where(c => c.ReceivedAtUtc >= start);
        }

        if (q.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            cases = cases.Where(c => c.ReceivedAtUtc < end);
        }

        var viewerAncestry = await reader.ViewerUnitAncestry(ct);
        var (pageIds, counted) = (q.Q, q.Sort) switch
        {
            ({ Length: > 0 } text, null) => await search.Search(cases, text, viewerAncestry, (q.Page - 1) * q.PageSize, q.PageSize, ct),
            ({ Length: > 0 } text, { } sort) => await PageOf(search.Filter(cases, text, viewerAncestry), sort, q, ct),
            _ => await PageOf(cases, q.Sort ?? CaseSort.Registered, q, ct),
        };
        var found = await db.Cases.AsNoTracking().Where(c => pageIds.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                c.TrackingNo,
                c.Status,
                c.Channel,
                c.Kind,
                c.Urgency,
                c.Subject,
                c.CategoryId,
                c.RegionId,
                c.UnitId,
                c.CadreUserName,
                c.ReceivedAtUtc,
                c.RegisteredAtUtc,
                c.IsCollective,
                c.IsRepeat,
                c.IsPaused,
                c.RespondentUnitId,
                DueAt = EF.Property<DateTime?>(c, "DueAtUtc"),
                WarnBeforeHours = db.SlaPolicies.Where(p => p.Id == c.SlaPolicyId).Select(p => p.WarnBeforeHours).FirstOrDefault(),
                UnitName = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault(),
                // Two scalar subqueries (a lookup each by the CaseId index); an object here becomes a window over every complainant.
                ComplainantName = c.Complainants.OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefault(),
                ComplainantPhone = c.Complainants.OrderBy(p => p.Id).Select(p => p.Phone).FirstOrDefault(),
            })
            .ToDictionaryAsync(r => r.Id, ct);
        var rows = pageIds.Where(found.ContainsKey).Select(id => found[id]).ToList();

        var names = await users.DisplayNamesAsync(rows.Where(r => r.CadreUserName != null).Select(r => r.CadreUserName!).ToHashSet(), ct);
        var items = rows.Select(r =>
        {
            var hidden = Case.HidesIdentity(r.Kind, r.RespondentUnitId, viewerAncestry);
            return new CaseListItemDto
            {
                Id = r.Id,
                TrackingNo = r.TrackingNo,
                Status = r.Status,
                StatusName = r.Status.ToChinese(),
                Channel = r.Channel,
                Kind = r.Kind,
                Urgency = r.Urgency,
                Subject = r.Subject,
                ComplainantName = hidden ? null : r.ComplainantName,
                ComplainantPhone = hidden ? null : Masking.Phone(r.ComplainantPhone),
                CategoryId = r.CategoryId,
                RegionId = r.RegionId,
                UnitId = r.UnitId,
                UnitName = r.UnitName,
                CadreUserName = r.CadreUserName,
                ReceivedAt = CaseReader.At(r.ReceivedAtUtc),
                RegisteredAt = CaseReader.At(r.RegisteredAtUtc),
                DueAt = CaseReader.At(r.DueAt),
                Overdue = CaseStates.IsOverdue(r.DueAt, now),
                DueSoon = CaseStates.IsDueSoon(r.DueAt, TimeSpan.FromHours(r.WarnBeforeHours), now),
                IsCollective = r.IsCollective,
                IsRepeat = r.IsRepeat,
                IsPaused = r.IsPaused,
                CadreName = r.CadreUserName is { } login ? names.GetValueOrDefault(login, login) : null,
            };
        }).ToList();
        return PagedResult<CaseListItemDto>.Bounded(items, counted, q.Page, q.PageSize);
    }

    public async ValueTask<TrackingDto> Handle(TrackCase query, CancellationToken ct)
    {
        // Tracking numbers are upper case (GD20261122-0007); a complainant types them as they like.
        var trackingNo = query.TrackingNo.Trim().ToUpperInvariant();
        tracking.EnsureAllowed(trackingNo);
        var found = await PublicView(db, db.Cases.Where(c => c.TrackingNo == trackingNo), ct);

        // A wrong code looks exactly like a missing case.
        if (found is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(found.QueryCode), Encoding.UTF8.GetBytes(query.Code?.Trim() ?? string.Empty)))
        {
            tracking.Failed(trackingNo);
            throw new NotFoundException("案件", "（编号或查询码有误）");
        }

        return found.View;
    }

    /// <summary>The public view of one case (status, unit, deadlines, public replies; nothing personal), with its query code.</summary>
    public sealed record PublicCaseView(TrackingDto View, string QueryCode);

    /// <summary>
    /// The public view of the one case <paramref name="cases"/> selects, or null: for the tracking page and for partner
    /// systems. A repeat merged into the case being handled shows that case's progress under its own number; replies
    /// pass the free-text masking policy.
    /// </summary>
    public static async Task<PublicCaseView?> PublicView(IAppDbContext db, IQueryable<Case> cases, CancellationToken ct)
    {
        var found = await Tracked(db, cases, ct);
        if (found is null)
        {
            return null;
        }

        var shown = found.Status == CaseStatus.Merged && found.MergedIntoCaseId is { } into
            ? await Tracked(db, db.Cases.Where(c => c.Id == into), ct) ?? found
            : found;
        var statusName = shown.Status.ToChinese();
        if (shown.Kind == CaseKind.Consultation && shown.AnsweredOnTheSpot)
        {
            statusName = "已答复"; // a question answered at the desk: nothing left to handle
        }

        if (!ReferenceEquals(shown, found))
        {
            statusName = $"已并入{shown.TrackingNo}办理：{statusName}";
        }

        var names = found.Names.Concat(shown.Names).ToList();
        var replies = (ReferenceEquals(shown, found) ? found.Replies : found.Replies.Concat(shown.Replies))
            .OrderBy(r => r.AtUtc)
            .Select(r => new PublicReplyDto(CaseReader.At(r.AtUtc), FreeTextMasking.Mask(r.Summary, names)))
            .ToList();
        var view = new TrackingDto
        {
            TrackingNo = found.TrackingNo,
            Status = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(shown.Status.ToString()),
            StatusName = statusName,
            UnitName = shown.UnitName,
            RegisteredAt = CaseReader.At(found.RegisteredAtUtc),
            AcceptDeadline = CaseReader.At(shown.AcceptDeadlineUtc),
            HandleDeadline = CaseReader.At(shown.HandleDeadlineUtc),
            ClosedAt = CaseReader.At(shown.ClosedAtUtc),
            Replies = replies,
        };
        return new PublicCaseView(view, found.QueryCode);
    }

    /// <summary>
    /// The ids of one page in the list's order, and the count up to <see cref="PagedResult{T}.TotalLimit"/> + 1. Each
    /// order reads an index in order (all cases or a unit's by registration; by deadline) and stops at the page.
    /// "By deadline" puts cases without a deadline (closed) last: two index ranges, the dated ones first.
    /// </summary>
    private static async Task<(List<long> Ids, int Counted)> PageOf(IQueryable<Case> cases, CaseSort sort, ListCases q, CancellationToken ct)
    {
        var counted = await cases.Take(PagedResult<CaseListItemDto>.TotalLimit + 1).CountAsync(ct);
        var skip = (q.Page - 1) * q.PageSize;
        if (sort == CaseSort.Registered)
        {
            return (await cases.OrderByDescending(c => c.RegisteredAtUtc).ThenByDescending(c => c.Id)
                .Skip(skip).Take(q.PageSize).Select(c => c.Id).ToListAsync(ct), counted);
        }

        var dated = cases.Where(c => EF.Property<DateTime?>(c, "DueAtUtc") != null);
        var ids = await dated.OrderBy(c => EF.Property<DateTime?>(c, "DueAtUtc")).ThenBy(c => c.Id)
            .Skip(skip).Take(q.PageSize).Select(c => c.Id).ToListAsync(ct);
        if (ids.Count < q.PageSize)
        {
            var datedCount = ids.Count > 0 ? skip + ids.Count : await dated.Take(skip + 1).CountAsync(ct);
            ids.AddRange(await cases.Where(c => EF.Property<DateTime?>(c, "DueAtUtc") == null).OrderBy(c => c.Id)
                .Skip(Math.Max(0, skip - datedCount)).Take(q.PageSize - ids.Count).Select(c => c.Id).ToListAsync(ct));
        }

        return (ids, counted);
    }

    private sealed record TrackedReply(DateTime AtUtc, string Summary);

    private sealed record TrackedCase
    {
        public required long Id { get; init; }

        public required string TrackingNo { get; init; }

        public required string QueryCode { get; init; }

        public required CaseStatus Status { get; init; }

        public required CaseKind Kind { get; init; }

        public required long? MergedIntoCaseId { get; init; }

        public required bool AnsweredOnTheSpot { get; init; }

        public required DateTime RegisteredAtUtc { get; init; }

        public required DateTime AcceptDeadlineUtc { get; init; }

        public required DateTime? HandleDeadlineUtc { get; init; }

        public required DateTime? ClosedAtUtc { get; init; }

        public required string? UnitName { get; init; }

        public required List<TrackedReply> Replies { get; init; }

        public required List<string> Names { get; init; }
    }

    private static async Task<TrackedCase?> Tracked(IAppDbContext db, IQueryable<Case> cases, CancellationToken ct) =>
        await cases.AsNoTracking()
            .Select(c => new TrackedCase
            {
                Id = c.Id,
                TrackingNo = c.TrackingNo,
                QueryCode = c.QueryCode,
                Status = c.Status,
                Kind = c.Kind,
                MergedIntoCaseId = c.MergedIntoCaseId,
                AnsweredOnTheSpot = c.Timeline.Any(t => t.Action == TimelineActions.AnsweredOnTheSpot),
                RegisteredAtUtc = c.RegisteredAtUtc,
                AcceptDeadlineUtc = c.AcceptDeadlineUtc,
                HandleDeadlineUtc = c.HandleDeadlineUtc,
                ClosedAtUtc = c.ClosedAtUtc,
                UnitName = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault(),
                Replies = c.Timeline.Where(t => t.IsPublic).OrderBy(t => t.Sequence).Select(t => new TrackedReply(t.AtUtc, t.Summary)).ToList(),
                Names = c.Complainants.Select(p => p.Name).ToList(),
            })
            .SingleOrDefaultAsync(ct);

    private sealed record TreeRow(int Id, int? ParentId, string Code);

    /// <summary>The node with this code and everything below it (a category filter includes its sub-categories).</summary>
    private static async Task<List<int>> SubtreeIds(IQueryable<TreeRow> rows, string code, CancellationToken ct)
    {
        var all = await rows.ToListAsync(ct);
        var root = all.FirstOrDefault(r => r.Code == code);
        if (root is null)
        {
            return [];
        }

        var result = new List<int> { root.Id };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(all.Where(r => r.ParentId == result[i]).Select(r => r.Id));
        }

        return result;
    }
}
