using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>延期申请: more days, once per stage, capped by the policy.</summary>
public sealed record RequestExtension(long CaseId, int Days, string Reason, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.RequestExtension;
}

public sealed class RequestExtensionValidator : AbstractValidator<RequestExtension>
{
    public RequestExtensionValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, 365);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
    }
}

public sealed class RequestExtensionHandler(CurrentCase current) : CaseCommandHandler<RequestExtension>(current)
{
    protected override ValueTask Apply(Case @case, RequestExtension command, CaseContext ctx, CancellationToken ct)
    {
        @case.RequestExtension(command.Days, command.Reason, ctx);
        return default;
    }
}
