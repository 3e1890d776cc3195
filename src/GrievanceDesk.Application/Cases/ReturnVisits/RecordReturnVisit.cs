using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.ReturnVisits;

/// <summary>回访: the complainant's verdict; dissatisfied reopens the case to the same unit.</summary>
public sealed record RecordReturnVisit(long CaseId, Satisfaction Satisfaction, bool Solved, string? Note, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.RecordReturnVisit;
}

public sealed class RecordReturnVisitValidator : AbstractValidator<RecordReturnVisit>
{
    public RecordReturnVisitValidator()
    {
        RuleFor(x => x.Satisfaction).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class RecordReturnVisitHandler(CurrentCase current) : CaseCommandHandler<RecordReturnVisit>(current)
{
    protected override ValueTask Apply(Case @case, RecordReturnVisit command, CaseContext ctx, CancellationToken ct)
    {
        @case.RecordReturnVisit(command.Satisfaction, command.Solved, command.Note, ctx);
        return default;
    }
}
