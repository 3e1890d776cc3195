using FluentValidation;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>联系诉求人: a call, visit or message to the complainant, reached or not.</summary>
public sealed record RecordContact(long CaseId, DateTimeOffset At, ContactChannel Channel, bool Reached, string Note, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.RecordContact;
}

public sealed class RecordContactValidator : AbstractValidator<RecordContact>
{
    public RecordContactValidator(TimeProvider clock)
    {
        RuleFor(x => x.At).NotEmpty().Must(at => at <= clock.GetUtcNow().AddMinutes(1)).WithMessage("联系时间不能晚于当前时间 (at cannot be in the future).")
            .Must(at => at.Year >= 2000).WithMessage("联系时间无效 (at is not a plausible date).");
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
    }
}

public sealed class RecordContactHandler(CurrentCase current) : CaseCommandHandler<RecordContact>(current)
{
    protected override ValueTask Apply(Case @case, RecordContact command, CaseContext ctx, CancellationToken ct)
    {
        @case.RecordContact(ChinaTime.ToUtc(command.At), command.Channel, command.Reached, command.Note, ctx);
        return default;
    }
}
