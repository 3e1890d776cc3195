using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Intake;

/// <summary>当场答复: a consultation answered on the spot.</summary>
public sealed record AnswerOnTheSpot(long CaseId, string Answer, ContactChannel Channel, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.AnswerOnTheSpot;
}

public sealed class AnswerOnTheSpotValidator : AbstractValidator<AnswerOnTheSpot>
{
    public AnswerOnTheSpotValidator()
    {
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Channel).IsInEnum();
    }
}

public sealed class AnswerOnTheSpotHandler(CurrentCase current) : CaseCommandHandler<AnswerOnTheSpot>(current)
{
    protected override ValueTask Apply(Case @case, AnswerOnTheSpot command, CaseContext ctx, CancellationToken ct)
    {
        @case.AnswerOnTheSpot(command.Answer, command.Channel, ctx);
        return default;
    }
}
