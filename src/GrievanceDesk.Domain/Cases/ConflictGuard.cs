namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// 回避 (docs/product.md §3): a case whose respondent is unit U is never handled by U or a unit below U.
/// A unit's ancestry is the unit itself first, then its ancestors up to the root.
/// </summary>
public static class ConflictGuard
{
    /// <summary>Whether sending the case to the unit with <paramref name="targetAncestry"/> would break the guard.</summary>
    public static bool IsConflicted(int? respondentUnitId, IReadOnlyList<int> targetAncestry) =>
        respondentUnitId is { } respondent && targetAncestry.Contains(respondent);

    /// <summary>
    /// The unit automatic routing should use: the proposed unit, or, when it is the respondent or below it, the
    /// respondent's parent. Null when the respondent is a root unit: no lawful target, leave the case to a dispatcher.
    /// </summary>
    /// <param name="proposedAncestry">The proposed unit first, then its ancestors up to the root.</param>
    /// <param name="parentOf">A unit's parent id, null for a root.</param>
    public static int? Redirect(int? respondentUnitId, int proposedUnitId, IReadOnlyList<int> proposedAncestry, Func<int, int?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        return IsConflicted(respondentUnitId, proposedAncestry) ? parentOf(respondentUnitId!.Value) : proposedUnitId;
    }
}
