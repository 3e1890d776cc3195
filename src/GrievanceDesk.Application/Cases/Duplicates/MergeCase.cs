using FluentValidation;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Duplicates;

/// <summary>合并: this case is a duplicate record of another (same complaint logged twice).</summary>
public sealed record MergeCase(long CaseId, long IntoCaseId, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.MergeInto;
}

public sealed class MergeCaseValidator : AbstractValidator<MergeCase>
{
    public MergeCaseValidator() => RuleFor(x => x.IntoCaseId).GreaterThan(0);
}

public sealed class MergeCaseHandler(CurrentCase current, LinkedCase linked, IReferenceData reference, ICaseNotifier notifier)
    : CaseCommandHandler<MergeCase>(current)
{
    protected override async ValueTask Apply(Case @case, MergeCase command, CaseContext ctx, CancellationToken ct)
    {
        var target = await linked.Load(command.IntoCaseId, "intoCaseId", ct);
        @case.MergeInto(target, (await reference.GetAsync(ct)).UnitAncestryOrEmpty(target.UnitId), ctx);
        await notifier.EnqueueAsync(target, ct);
    }
}
