using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>批准中止: the unit leader approves a requested pause; the handle clock stops.</summary>
public sealed record ApprovePause(long CaseId, long PauseId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.DecidePause;
}

public sealed class ApprovePauseHandler(CurrentCase current) : CaseCommandHandler<ApprovePause>(current)
{
    protected override ValueTask Apply(Case @case, ApprovePause command, CaseContext ctx, CancellationToken ct)
    {
        @case.ApprovePause(command.PauseId, ctx);
        return default;
    }
}
