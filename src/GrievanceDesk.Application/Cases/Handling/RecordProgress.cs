using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>办理进展: a progress note.</summary>
public sealed record RecordProgress(long CaseId, string Note, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.RecordProgress;
}

public sealed class RecordProgressValidator : AbstractValidator<RecordProgress>
{
    public RecordProgressValidator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
}

public sealed class RecordProgressHandler(CurrentCase current) : CaseCommandHandler<RecordProgress>(current)
{
    protected override ValueTask Apply(Case @case, RecordProgress command, CaseContext ctx, CancellationToken ct)
    {
        @case.RecordProgress(command.Note, ctx);
        return default;
    }
}
