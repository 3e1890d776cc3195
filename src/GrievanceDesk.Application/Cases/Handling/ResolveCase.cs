using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>办结: the outcome and a summary.</summary>
public sealed record ResolveCase(long CaseId, Outcome Outcome, string Summary, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Resolve;
}

public sealed class ResolveCaseValidator : AbstractValidator<ResolveCase>
{
    public ResolveCaseValidator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(4000);
    }
}

public sealed class ResolveCaseHandler(CurrentCase current) : CaseCommandHandler<ResolveCase>(current)
{
    protected override ValueTask Apply(Case @case, ResolveCase command, CaseContext ctx, CancellationToken ct)
    {
        @case.Resolve(command.Outcome, command.Summary, ctx);
        return default;
    }
}
