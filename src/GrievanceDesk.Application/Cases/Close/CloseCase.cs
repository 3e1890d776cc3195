using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Close;

/// <summary>结案: only when the last mile (最后一公里) is walked — the aggregate says which part is missing.</summary>
public sealed record CloseCase(long CaseId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Close;
}

public sealed class CloseCaseHandler(CurrentCase current) : CaseCommandHandler<CloseCase>(current)
{
    protected override ValueTask Apply(Case @case, CloseCase command, CaseContext ctx, CancellationToken ct)
    {
        @case.Close(ctx);
        return default;
    }
}
