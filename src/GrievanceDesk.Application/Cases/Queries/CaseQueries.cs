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

/// <summary>GET /api/cases: the filters of SPEC §6, paged; a unit's staff see only their unit.</summary>
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
    CaseSort Sort = CaseSort.Registered) : IQuery<PagedResult<CaseListItemDto>>;

public sealed record PublicReplyDto(DateTimeOffset At, string Text);

/// <summary>What the complainant sees with tracking number and query code (阳光信访): nothing personal.</summary>
public sealed record TrackingDto(
    string TrackingNo,
    string Status,
    string StatusName,
    string? UnitName,
    DateTimeOffset RegisteredAt,
    DateTimeOffset AcceptDeadline,
    DateTimeOffset? HandleDeadline,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<PublicReplyDto> Replies);

public sealed record TrackCase(string TrackingNo, string? Code) : IQuery<TrackingDto>;

public sealed class ListCasesValidator : AbstractValidator<ListCases>
{
    public const int MaxPageSize = 100;

    public ListCasesValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize);
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Unit).MaximumLength(32);
        RuleFor(x => x.Category).MaximumLength(32);
        RuleFor(x => x.Region).MaximumLength(32);
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

public sealed class CaseQueryHandlers(IAppDbContext db, ICurrentUser user, CaseReader reader, IIdNumberIndex idNumbers, TimeProvider clock) :
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

        if (q.Overdue is { } overdue)
        {
            cases = overdue
                ? cases.Where(c => EF.Property<DateTime?>(c, "DueAtUtc") < now)
                : cases.Where(c => EF.Property<DateTime?>(c, "DueAtUtc") == null || EF.Property<DateTime?>(c, "DueAtUtc") >= now);
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
        if (q.Q is { Length: > 0 } text)
        {
            var term = text.Trim();
            // An ID number is encrypted at rest: it is found by its keyed hash.
            var idHashes = PersonalNumbers.IsIdNumber(term) ? idNumbers.HashesOf(term) : [];
            // A report's complainant is hidden from the respondent unit: a search by their name, phone or ID number must not find it either.
            cases = cases.Where(c => c.TrackingNo == term || c.Subject.Contains(term) || c.Address.Contains(term)
                || (c.Complainants.Any(p => p.Name == term || p.Phone == term || idHashes.Contains(EF.Property<string>(p, IIdNumberIndex.HashProperty)))
                    && !(c.Kind == CaseKind.Report && c.RespondentUnitId != null && viewerAncestry.Contains(c.RespondentUnitId.Value))));
        }

        var total = await cases.CountAsync(ct);
        var ordered = q.Sort == CaseSort.Due
            ? cases.OrderBy(c => EF.Property<DateTime?>(c, "DueAtUtc") == null).ThenBy(c => EF.Property<DateTime?>(c, "DueAtUtc")).ThenBy(c => c.Id)
            : cases.OrderByDescending(c => c.RegisteredAtUtc).ThenByDescending(c => c.Id);
        var rows = await ordered.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
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
                UnitName = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault(),
                Complainant = c.Complainants.OrderBy(p => p.Id).Select(p => new { p.Name, p.Phone }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var items = rows.Select(r =>
        {
            var hidden = r.Kind == CaseKind.Report && ConflictGuard.IsConflicted(r.RespondentUnitId, viewerAncestry);
            return new CaseListItemDto(
                r.Id, r.TrackingNo, r.Status, r.Status.ToChinese(), r.Channel, r.Kind, r.Urgency, r.Subject,
                hidden ? null : r.Complainant?.Name, hidden ? null : Masking.Phone(r.Complainant?.Phone),
                r.CategoryId, r.RegionId, r.UnitId, r.UnitName, r.CadreUserName,
                CaseReader.At(r.ReceivedAtUtc), CaseReader.At(r.RegisteredAtUtc), CaseReader.At(r.DueAt),
                r.DueAt is { } due && due < now, r.IsCollective, r.IsRepeat, r.IsPaused);
        }).ToList();
        return new PagedResult<CaseListItemDto>(items, total, q.Page, q.PageSize);
    }

    public async ValueTask<TrackingDto> Handle(TrackCase query, CancellationToken ct)
    {
        var found = await PublicView(db, db.Cases.Where(c => c.TrackingNo == query.TrackingNo), ct);

        // A wrong code looks exactly like a missing case.
        if (found is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(found.QueryCode), Encoding.UTF8.GetBytes(query.Code ?? string.Empty)))
        {
            throw new NotFoundException("案件", "（编号或查询码有误）");
        }

        return found.View;
    }

    /// <summary>The public view of one case (status, unit, deadlines, public replies; nothing personal), with its query code.</summary>
    public sealed record PublicCaseView(TrackingDto View, string QueryCode);

    /// <summary>The public view of the one case <paramref name="cases"/> selects, or null: for the tracking page and for partner systems.</summary>
    public static async Task<PublicCaseView?> PublicView(IAppDbContext db, IQueryable<Case> cases, CancellationToken ct)
    {
        var found = await cases.AsNoTracking()
            .Select(c => new
            {
                c.TrackingNo,
                c.QueryCode,
                c.Status,
                c.RegisteredAtUtc,
                c.AcceptDeadlineUtc,
                c.HandleDeadlineUtc,
                c.ClosedAtUtc,
                UnitName = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault(),
                Replies = c.Timeline.Where(t => t.IsPublic).OrderBy(t => t.Sequence).Select(t => new { t.AtUtc, t.Summary }).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return found is null
            ? null
            : new PublicCaseView(
                new TrackingDto(found.TrackingNo, System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(found.Status.ToString()), found.Status.ToChinese(),
                    found.UnitName, CaseReader.At(found.RegisteredAtUtc), CaseReader.At(found.AcceptDeadlineUtc), CaseReader.At(found.HandleDeadlineUtc),
                    CaseReader.At(found.ClosedAtUtc), found.Replies.Select(r => new PublicReplyDto(CaseReader.At(r.AtUtc), r.Summary)).ToList()),
                found.QueryCode);
    }

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
