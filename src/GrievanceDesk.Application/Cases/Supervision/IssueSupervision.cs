using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Supervision;

/// <summary>督办: a leader's supervision order to the handling unit.</summary>
public sealed record IssueSupervision(long CaseId, string Note, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.IssueSupervision;
}

public sealed class IssueSupervisionValidator : AbstractValidator<IssueSupervision>
{
    public IssueSupervisionValidator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
}

public sealed class IssueSupervisionHandler(CurrentCase current) : CaseCommandHandler<IssueSupervision>(current)
{
    protected override ValueTask Apply(Case @case, IssueSupervision command, CaseContext ctx, CancellationToken ct)
    {
        @case.IssueSupervision(SupervisionSource.Leader, command.Note, ctx);
        return default;
    }
}
