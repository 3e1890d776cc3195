using FluentValidation;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Duplicates;

/// <summary>重复件: the complainant came again about a case; linked, not dispatched again while the first is open.</summary>
public sealed record MarkRepeatOf(long CaseId, long OriginalCaseId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.MarkRepeatOf;
}

public sealed class MarkRepeatOfValidator : AbstractValidator<MarkRepeatOf>
{
    public MarkRepeatOfValidator() => RuleFor(x => x.OriginalCaseId).GreaterThan(0);
}

public sealed class MarkRepeatOfHandler(CurrentCase current, LinkedCase linked, IReferenceData reference, ICaseNotifier notifier)
    : CaseCommandHandler<MarkRepeatOf>(current)
{
    protected override async ValueTask Apply(Case @case, MarkRepeatOf command, CaseContext ctx, CancellationToken ct)
    {
        var original = await linked.Load(command.OriginalCaseId, "caseId", ct);
        var snapshot = await reference.GetAsync(ct);
        var unitName = original.UnitId is { } unitId ? snapshot.UnitsById[unitId].Name : null;
        @case.MarkRepeatOf(original, unitName, snapshot.UnitAncestryOrEmpty(original.UnitId), ctx);
        await notifier.EnqueueAsync(original, ct);
    }
}
