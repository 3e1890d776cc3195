using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>恢复办理: the clock runs again; the paused time does not count.</summary>
public sealed record ResumeCase(long CaseId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Resume;
}

public sealed class ResumeCaseHandler(CurrentCase current) : CaseCommandHandler<ResumeCase>(current)
{
    protected override ValueTask Apply(Case @case, ResumeCase command, CaseContext ctx, CancellationToken ct)
    {
        @case.Resume(ctx);
        return default;
    }
}
