using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>不予受理, with the reason.</summary>
public sealed record NotAcceptCase(long CaseId, string Reason, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.NotAccept;
}

public sealed class NotAcceptCaseValidator : AbstractValidator<NotAcceptCase>
{
    public NotAcceptCaseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class NotAcceptCaseHandler(CurrentCase current) : CaseCommandHandler<NotAcceptCase>(current)
{
    protected override ValueTask Apply(Case @case, NotAcceptCase command, CaseContext ctx, CancellationToken ct)
    {
        @case.NotAccept(command.Reason, ctx);
        return default;
    }
}
