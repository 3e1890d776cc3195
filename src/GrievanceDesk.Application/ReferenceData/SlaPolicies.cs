using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

/// <summary>An SLA policy as the API shows and takes it: which cases it covers, and its stage periods and ladder.</summary>
public sealed record SlaPolicyDto(
    int Id,
    string Name,
    SlaTrack Track,
    int? CategoryId,
    Urgency? Urgency,
    SlaDuration Accept,
    SlaDuration? Contact,
    SlaDuration Handle,
    SlaDuration Feedback,
    int MaxExtensionDays,
    DurationUnit ExtensionUnit,
    int WarnBeforeHours,
    int SupervisionAfterWorkingDays,
    int LeaderSupervisionAfterWorkingDays,
    bool IsActive)
{
    public SlaTerms ToTerms() => new(Accept, Contact, Handle, Feedback, MaxExtensionDays, ExtensionUnit,
        TimeSpan.FromHours(WarnBeforeHours), SupervisionAfterWorkingDays, LeaderSupervisionAfterWorkingDays);

    public static SlaPolicyDto From(SlaPolicy p) => new(p.Id, p.Name, p.Track, p.CategoryId, p.Urgency,
        p.Terms.Accept, p.Terms.Contact, p.Terms.Handle, p.Terms.Feedback, p.MaxExtensionDays, p.ExtensionUnit,
        p.WarnBeforeHours, p.SupervisionAfterWorkingDays, p.LeaderSupervisionAfterWorkingDays, p.IsActive);
}

[RequiresRole(Roles.Admin)]
public sealed record ListSlaPolicies : IQuery<IReadOnlyList<SlaPolicyDto>>;

/// <summary>Creates (Id = 0) or updates an SLA policy.</summary>
[RequiresRole(Roles.Admin)]
public sealed record SaveSlaPolicy(SlaPolicyDto Policy) : ICommand<SlaPolicyDto>;

public sealed class SaveSlaPolicyValidator : AbstractValidator<SaveSlaPolicy>
{
    public SaveSlaPolicyValidator()
    {
        RuleFor(x => x.Policy).NotNull();
        When(x => x.Policy is not null, () =>
        {
            RuleFor(x => x.Policy.Name).ValidName(64).OverridePropertyName("name");
            RuleFor(x => x.Policy.Track).IsInEnum().OverridePropertyName("track");
            RuleFor(x => x.Policy.CategoryId).ValidOptionalId().OverridePropertyName("categoryId");
            RuleFor(x => x.Policy.Accept).Must(Positive).OverridePropertyName("accept").WithMessage(PeriodMessage);
            RuleFor(x => x.Policy.Handle).Must(Positive).OverridePropertyName("handle").WithMessage(PeriodMessage);
            RuleFor(x => x.Policy.Feedback).Must(Positive).OverridePropertyName("feedback").WithMessage(PeriodMessage);
            RuleFor(x => x.Policy.Contact).Must(c => c is null || Positive(c.Value)).OverridePropertyName("contact").WithMessage(PeriodMessage);
            RuleFor(x => x.Policy.MaxExtensionDays).InclusiveBetween(0, 365).OverridePropertyName("maxExtensionDays");
            RuleFor(x => x.Policy.ExtensionUnit).IsInEnum().NotEqual(DurationUnit.Hours).OverridePropertyName("extensionUnit");
            RuleFor(x => x.Policy.WarnBeforeHours).InclusiveBetween(0, 24 * 60).OverridePropertyName("warnBeforeHours");
            RuleFor(x => x.Policy.SupervisionAfterWorkingDays).InclusiveBetween(1, 60).OverridePropertyName("supervisionAfterWorkingDays");
            RuleFor(x => x.Policy.LeaderSupervisionAfterWorkingDays).GreaterThan(x => x.Policy.SupervisionAfterWorkingDays)
                .LessThanOrEqualTo(120).OverridePropertyName("leaderSupervisionAfterWorkingDays");
        });
    }

    private const string PeriodMessage = "时限须为正数，单位为 calendar_days、working_days 或 hours (a positive amount with a known unit).";

    private static bool Positive(SlaDuration d) => d.Amount is > 0 and <= 10000 && Enum.IsDefined(d.Unit);
}

public sealed class SlaPolicyHandlers(IAppDbContext db) :
    IQueryHandler<ListSlaPolicies, IReadOnlyList<SlaPolicyDto>>,
    ICommandHandler<SaveSlaPolicy, SlaPolicyDto>
{
    public async ValueTask<IReadOnlyList<SlaPolicyDto>> Handle(ListSlaPolicies query, CancellationToken ct) =>
        (await db.SlaPolicies.AsNoTracking().OrderBy(p => p.Track).ThenBy(p => p.Id).ToListAsync(ct))
            .Select(SlaPolicyDto.From).ToList();

    public async ValueTask<SlaPolicyDto> Handle(SaveSlaPolicy command, CancellationToken ct)
    {
        var p = command.Policy;
        await db.Categories.EnsureExists(p.CategoryId, "categoryId", "问题分类", ct);
        SlaPolicy policy;
        if (p.Id == 0)
        {
            policy = new SlaPolicy(p.Name, p.Track, p.CategoryId, p.Urgency, p.ToTerms());
            db.SlaPolicies.Add(policy);
        }
        else
        {
            policy = await db.SlaPolicies.FindAsync([p.Id], ct) ?? throw new NotFoundException("时限规则", p.Id);
            policy.Update(p.Name, p.Track, p.CategoryId, p.Urgency, p.ToTerms(), p.IsActive);
        }

        await db.SaveChangesAsync(ct);
        return SlaPolicyDto.From(policy);
    }
}
