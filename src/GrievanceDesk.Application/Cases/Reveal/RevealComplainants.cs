using FluentValidation;
using GrievanceDesk.Application.Common;
using Mediator;

namespace GrievanceDesk.Application.Cases.Reveal;

/// <summary>
/// POST /api/cases/{id}/reveal: the full phone and ID numbers of the case's complainants, which every list, page,
/// statistic and briefing masks (docs/product.md §7). Only for the roles that call the complainant (<see cref="CasePermissions.MayReveal"/>),
/// never for a report's complainant to the respondent unit, and audited: the reveal audit row and a timeline entry are
/// written in the same transaction as the answer is made.
/// </summary>
public sealed record RevealComplainants(long CaseId, string Reason, int? ExpectedVersion = null) : ICommand<RevealedComplainantsDto>;

public sealed record RevealedComplainantDto(string Name, string? Phone, string? IdNumber, string? Address);

public sealed record RevealedComplainantsDto(long CaseId, string TrackingNo, DateTimeOffset RevealedAt, string RevealedBy, IReadOnlyList<RevealedComplainantDto> Complainants);

public sealed class RevealComplainantsValidator : AbstractValidator<RevealComplainants>
{
    public RevealComplainantsValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请说明查看完整联系方式的事由 (a reason is required).").MaximumLength(500);
}

public sealed class RevealComplainantsHandler(CaseStore store, ICurrentUser user, CaseReader reader, IRevealAuditLog audit)
    : ICommandHandler<RevealComplainants, RevealedComplainantsDto>
{
    public async ValueTask<RevealedComplainantsDto> Handle(RevealComplainants command, CancellationToken ct)
    {
        var @case = await store.LoadForWrite(command.CaseId, ct);
        CasePermissions.EnsureMayReveal(user, @case.Id, @case.UnitId);
        CaseStore.EnsureVersion(@case, command.ExpectedVersion);
        if (@case.HidesIdentityFrom(await reader.ViewerUnitAncestry(ct)))
        {
            throw new ForbiddenException("检举控告件的诉求人身份对被反映单位保密，不能查看 (a report's complainant is never shown to the respondent unit).");
        }

        var ctx = await store.ContextFor(@case, ct);
        audit.Append(@case.RecordReveal(command.Reason, ctx));
        await store.Save(@case, ct);

        return new RevealedComplainantsDto(@case.Id, @case.TrackingNo, CaseReader.At(ctx.NowUtc), ctx.Actor.UserName,
            @case.Complainants.OrderBy(p => p.Id).Select(p => new RevealedComplainantDto(p.Name, p.Phone, p.IdNumber, p.Address)).ToList());
    }
}
