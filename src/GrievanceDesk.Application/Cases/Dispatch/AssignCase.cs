using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>分派: the unit leader (or the office) gives the case to a cadre of the unit.</summary>
public sealed record AssignCase(long CaseId, string CadreUserName, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Assign;
}

public sealed class AssignCaseValidator : AbstractValidator<AssignCase>
{
    public AssignCaseValidator() => RuleFor(x => x.CadreUserName).NotEmpty().MaximumLength(64);
}

public sealed class AssignCaseHandler(CurrentCase current, AssignableCadres cadres) : CaseCommandHandler<AssignCase>(current)
{
    protected override async ValueTask Apply(Case @case, AssignCase command, CaseContext ctx, CancellationToken ct)
    {
        // The case's state first (a case in the queue has no unit, so no cadre could be "of the unit"): the refused
        // transition is the answer, not a field error. A wrong cadre then rolls the command back.
        @case.Assign(command.CadreUserName, ctx);
        await cadres.EnsureCadreOf(command.CadreUserName, @case.UnitId, "cadreUserName", ct);
    }
}
