using FluentValidation;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>驳回延期: the unit leader rejects a pending extension, optionally saying why.</summary>
public sealed record RejectExtension(long CaseId, long ExtensionId, string? Reason, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.DecideExtension;
}

public sealed class RejectExtensionValidator : AbstractValidator<RejectExtension>
{
    public RejectExtensionValidator() => RuleFor(x => x.Reason).MaximumLength(1000);
}

public sealed class RejectExtensionHandler(CurrentCase current) : CaseCommandHandler<RejectExtension>(current)
{
    protected override ValueTask Apply(Case @case, RejectExtension command, CaseContext ctx, CancellationToken ct)
    {
        @case.RejectExtension(command.ExtensionId, command.Reason, ctx);
        return default;
    }
}
