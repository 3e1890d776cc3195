namespace GrievanceDesk.Domain.Cases;

/// <summary>Why a unit is not offered for a case in the dispatcher queue.</summary>
public enum DispatchExclusion
{
    None,

    /// <summary>回避: the case is about this unit or a unit above it (<see cref="ConflictGuard"/>); a dispatch would be refused.</summary>
    Conflict,

    /// <summary>退回: this unit already returned the case as "not ours"; it may still be chosen by hand, never suggested.</summary>
    Returned,
}

/// <summary>
/// The unit the dispatcher queue suggests for a case (建议单位): the routing rule's unit, moved to the respondent's
/// parent by the conflict guard as automatic routing does, and never a unit that returned the case.
/// </summary>
public static class DispatchSuggestion
{
    /// <param name="unitAncestry">The unit first, then its ancestors up to the root.</param>
    /// <param name="returnedByUnitIds">The units that returned the case (its <see cref="CaseReturn"/> records).</param>
    public static DispatchExclusion Exclusion(int? respondentUnitId, IReadOnlyCollection<int> returnedByUnitIds, IReadOnlyList<int> unitAncestry)
    {
        ArgumentNullException.ThrowIfNull(returnedByUnitIds);
        ArgumentNullException.ThrowIfNull(unitAncestry);
        if (ConflictGuard.IsConflicted(respondentUnitId, unitAncestry))
        {
            return DispatchExclusion.Conflict;
        }

        return unitAncestry.Count > 0 && returnedByUnitIds.Contains(unitAncestry[0]) ? DispatchExclusion.Returned : DispatchExclusion.None;
    }

    /// <summary>The unit to suggest, or null when the rule's unit (after the conflict guard's redirect) is excluded or there is no rule.</summary>
    /// <param name="ruleUnitId">The unit of the routing rule that matches the case, if any.</param>
    /// <param name="ancestryOf">A unit and its ancestors.</param>
    /// <param name="parentOf">A unit's parent, null for a root.</param>
    public static int? Suggest(int? ruleUnitId, int? respondentUnitId, IReadOnlyCollection<int> returnedByUnitIds,
        Func<int, IReadOnlyList<int>> ancestryOf, Func<int, int?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(ancestryOf);
        if (ruleUnitId is not { } proposed
            || ConflictGuard.Redirect(respondentUnitId, proposed, ancestryOf(proposed), parentOf) is not { } target)
        {
            return null;
        }

        return Exclusion(respondentUnitId, returnedByUnitIds, ancestryOf(target)) == DispatchExclusion.None ? target : null;
    }
}
