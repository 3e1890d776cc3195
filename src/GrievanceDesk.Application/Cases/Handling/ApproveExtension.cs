using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>批准延期: the unit leader approves a pending extension; the handle deadline moves.</summary>
public sealed record ApproveExtension(long CaseId, long ExtensionId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.DecideExtension;
}

public sealed class ApproveExtensionHandler(CurrentCase current) : CaseCommandHandler<ApproveExtension>(current)
{
    protected override ValueTask Apply(Case @case, ApproveExtension command, CaseContext ctx, CancellationToken ct)
    {
        @case.ApproveExtension(command.ExtensionId, ctx);
        return default;
    }
}
