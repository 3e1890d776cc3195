using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>中止申请: stop the handle clock while waiting on the complainant or an appraisal.</summary>
public sealed record RequestPause(long CaseId, string Reason, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.RequestPause;
}

public sealed class RequestPauseValidator : AbstractValidator<RequestPause>
{
    public RequestPauseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class RequestPauseHandler(CurrentCase current) : CaseCommandHandler<RequestPause>(current)
{
    protected override ValueTask Apply(Case @case, RequestPause command, CaseContext ctx, CancellationToken ct)
    {
        @case.RequestPause(command.Reason, ctx);
        return default;
    }
}
