using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>签收: the unit accepts the case; the handle clock starts.</summary>
public sealed record AcceptCase(long CaseId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.Accept;
}

public sealed class AcceptCaseHandler(CurrentCase current) : CaseCommandHandler<AcceptCase>(current)
{
    protected override ValueTask Apply(Case @case, AcceptCase command, CaseContext ctx, CancellationToken ct)
    {
        @case.Accept(ctx);
        return default;
    }
}
