using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.Cases;

// Personal data: the audited reveal of the complainants' full numbers.
public sealed partial class Case
{
    /// <summary>
    /// Someone is shown the complainants' full phone and ID numbers (查看完整联系方式), which every other view masks
    /// (docs/product.md §7). Allowed in any status (a return visit after closing needs the phone), refused with a blank reason or
    /// when there is nobody to reveal. The timeline records who looked and why; the returned row is the audit entry,
    /// to be saved with the case. Who may ask, and that a report's complainant stays hidden from the respondent unit
    /// (<see cref="HidesIdentityFrom"/>), is checked by the caller before this.
    /// </summary>
    public RevealAudit RecordReveal(string reason, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        RequireSaved(this);
        Rules.Check(new RevealNeedsComplainant(IsAnonymous, _complainants.Count));
        var why = Require(reason, "查看事由", "a reason to see the full numbers");

        Append(ctx, TimelineActions.ContactRevealed, $"查看诉求人完整联系方式（{_complainants.Count}人），事由：{why}");
        return new RevealAudit(Id, ctx.NowUtc, ctx.Actor.UserName, ctx.Actor.DisplayName, ctx.Actor.UnitId, why, _complainants.Count);
    }
}
