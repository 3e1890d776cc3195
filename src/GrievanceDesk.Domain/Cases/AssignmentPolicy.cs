using GrievanceDesk.Domain.ReferenceData;

namespace GrievanceDesk.Domain.Cases;

/// <summary>A cadre of a unit and the number of the unit's open cases they hold (<see cref="CaseStates.Open"/>).</summary>
public sealed record CadreLoad(string UserName, int OpenCases);

/// <summary>
/// 自动分派 (docs/product.md §3): a unit that auto-assigns gives a dispatched case to its cadre with the fewest open
/// cases, ties broken by user name (ordinal), so the choice never depends on the order the cadres were read in. A unit
/// that does not auto-assign, or has no cadre, leaves the case to its leader.
/// </summary>
public static class AssignmentPolicy
{
    /// <summary>The cadre to assign, or null when the unit leader assigns.</summary>
    /// <param name="cadres">Every active cadre of the unit with their open load (a cadre with none counts 0).</param>
    public static string? ChooseCadre(Unit unit, IEnumerable<CadreLoad> cadres)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(cadres);
        return unit.AutoAssign
            ? cadres.OrderBy(c => c.OpenCases).ThenBy(c => c.UserName, StringComparer.Ordinal).FirstOrDefault()?.UserName
            : null;
    }
}
