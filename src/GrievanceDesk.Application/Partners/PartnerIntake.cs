using FluentValidation;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Partners;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Partners;

/// <summary>A case as its partner sees it: the partner's reference and the public progress (阳光信访 view), nothing personal.</summary>
public sealed record PartnerCaseDto(long Id, string ExternalReference, DateTimeOffset LoggedAt, TrackingDto Progress);

public sealed record PartnerCaseResult(PartnerCaseDto Case, bool Created);

/// <summary>
/// POST /api/partner/cases: a partner logs a case under its own reference. The intake itself is <see cref="LogCase"/>
/// (the same validation, routing, deadlines and notifications as at the desk); this adds the reference, unique per
/// partner: a repeat of a reference answers the case it logged the first time.
/// </summary>
public sealed record LogPartnerCase(
    string ExternalReference,
    Channel Channel,
    CaseKind Kind,
    Urgency Urgency,
    DateTimeOffset ReceivedAt,
    bool Anonymous,
    IReadOnlyList<ComplainantInput>? Complainants,
    int HeadCount,
    string CategoryCode,
    string RegionCode,
    string Address,
    string Subject,
    string Content,
    string? RespondentUnitCode = null,
    string? RespondentName = null) : ICommand<PartnerCaseResult>
{
    public LogCase ToIntake() => new(Channel, Kind, Urgency, ReceivedAt, Anonymous, Complainants, HeadCount, CategoryCode, RegionCode,
        Address, Subject, Content, RespondentUnitCode, RespondentName);
}

public sealed record GetPartnerCase(long CaseId) : IQuery<PartnerCaseDto>;

/// <summary>The partner's own cases, newest first, optionally the one with an external reference.</summary>
public sealed record ListPartnerCases(string? ExternalReference, int Page = 1, int PageSize = 20) : IQuery<Cases.PagedResult<PartnerCaseDto>>;

public sealed class LogPartnerCaseValidator : AbstractValidator<LogPartnerCase>
{
    public LogPartnerCaseValidator()
    {
        RuleFor(x => x.ExternalReference).NotEmpty().MaximumLength(PartnerCase.MaxReferenceLength);
        RuleFor(x => x.Channel).Must(PartnerCase.IsAllowedChannel)
            .WithMessage("对接系统只能登记上级转办（transfer）或网上（online）来件 (a partner logs transfer or online cases only).");
    }
}

public sealed class ListPartnerCasesValidator : AbstractValidator<ListPartnerCases>
{
    public ListPartnerCasesValidator()
    {
        RuleFor(x => x.ExternalReference).MaximumLength(PartnerCase.MaxReferenceLength);
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
    }
}

public sealed class PartnerIntakeHandlers(IAppDbContext db, ISender sender, ICurrentPartner current, PartnerWebhooks webhooks, TimeProvider clock) :
    ICommandHandler<LogPartnerCase, PartnerCaseResult>,
    IQueryHandler<GetPartnerCase, PartnerCaseDto>,
    IQueryHandler<ListPartnerCases, Cases.PagedResult<PartnerCaseDto>>
{
    public async ValueTask<PartnerCaseResult> Handle(LogPartnerCase command, CancellationToken ct)
    {
        var partnerId = PartnerId;
        var reference = command.ExternalReference.Trim();
        var known = await db.PartnerCases.AsNoTracking().Where(l => l.PartnerId == partnerId && l.ExternalReference == reference)
            .Select(l => (long?)l.CaseId).SingleOrDefaultAsync(ct);
        if (known is { } existing)
        {
            return new PartnerCaseResult(await View(existing, ct), Created: false);
        }

        // Runs inside this command's transaction: the case, the link and the webhook deliveries commit together.
        var logged = await sender.Send(command.ToIntake(), ct);
        db.PartnerCases.Add(new PartnerCase(partnerId, reference, logged.Case.Id, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct); // the link is what the webhook lookup finds
        var @case = db.Cases.Local.Single(c => c.Id == logged.Case.Id);
        await webhooks.EnqueueAsync(@case, @case.Timeline, ct); // everything on a new case's timeline is new
        await db.SaveChangesAsync(ct);
        return new PartnerCaseResult(await View(logged.Case.Id, ct), Created: true);
    }

    public async ValueTask<PartnerCaseDto> Handle(GetPartnerCase query, CancellationToken ct) => await View(query.CaseId, ct);

    public async ValueTask<Cases.PagedResult<PartnerCaseDto>> Handle(ListPartnerCases query, CancellationToken ct)
    {
        var partnerId = PartnerId;
        var links = db.PartnerCases.AsNoTracking().Where(l => l.PartnerId == partnerId);
        if (query.ExternalReference is { Length: > 0 } reference)
        {
            links = links.Where(l => l.ExternalReference == reference);
        }

        var total = await links.CountAsync(ct);
        var page = await links.OrderByDescending(l => l.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(l => l.CaseId).ToListAsync(ct);
        var items = new List<PartnerCaseDto>();
        foreach (var caseId in page)
        {
            items.Add(await View(caseId, ct));
        }

        return new Cases.PagedResult<PartnerCaseDto>(items, total, query.Page, query.PageSize);
    }

    /// <summary>The case if this partner logged it; any other case (another partner's, the desk's) does not exist for it.</summary>
    private async Task<PartnerCaseDto> View(long caseId, CancellationToken ct)
    {
        var partnerId = PartnerId;
        var link = await db.PartnerCases.AsNoTracking().SingleOrDefaultAsync(l => l.PartnerId == partnerId && l.CaseId == caseId, ct)
            ?? throw new NotFoundException("案件", caseId);
        var progress = await CaseQueryHandlers.PublicView(db, db.Cases.Where(c => c.Id == caseId), ct) ?? throw new NotFoundException("案件", caseId);
        return new PartnerCaseDto(caseId, link.ExternalReference, Cases.CaseReader.At(link.CreatedAtUtc), progress.View);
    }

    private int PartnerId => current.PartnerId ?? throw new ForbiddenException("仅对接系统可调用 (partner systems only).");
}
