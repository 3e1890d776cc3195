using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>退单: "not ours", within 5 working days of dispatch, with a reason; back to the dispatcher queue.</summary>
public sealed record ReturnCase(long CaseId, string Reason, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Return;
}

public sealed class ReturnCaseValidator : AbstractValidator<ReturnCase>
{
    public ReturnCaseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class ReturnCaseHandler(CurrentCase current) : CaseCommandHandler<ReturnCase>(current)
{
    protected override ValueTask Apply(Case @case, ReturnCase command, CaseContext ctx, CancellationToken ct)
    {
        @case.Return(command.Reason, ctx);
        return default;
    }
}
