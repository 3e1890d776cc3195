using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>驳回中止: the unit leader rejects a requested pause, optionally saying why.</summary>
public sealed record RejectPause(long CaseId, long PauseId, string? Reason, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.DecidePause;
}

public sealed class RejectPauseValidator : AbstractValidator<RejectPause>
{
    public RejectPauseValidator() => RuleFor(x => x.Reason).MaximumLength(1000);
}

public sealed class RejectPauseHandler(CurrentCase current) : CaseCommandHandler<RejectPause>(current)
{
    protected override ValueTask Apply(Case @case, RejectPause command, CaseContext ctx, CancellationToken ct)
    {
        @case.RejectPause(command.PauseId, command.Reason, ctx);
        return default;
    }
}
