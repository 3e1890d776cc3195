using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>
/// How many open cases (<see cref="CaseStates.OpenStatuses"/>) a cadre holds in a unit: one row per (unit, cadre), kept
/// in the transaction of every save that opens, closes, moves or reassigns a case, so auto-assign
/// (<see cref="AutoAssignment"/>) reads a row per cadre instead of counting the unit's open cases on every intake.
/// </summary>
public sealed class CadreOpenLoad
{
    private CadreOpenLoad()
    {
        CadreUserName = string.Empty;
    }

    public int UnitId { get; private set; }

    public string CadreUserName { get; private set; }

    public int OpenCases { get; private set; }

    /// <summary>Whose open load a case in this state adds to: its unit and cadre while it is open and held by a cadre; otherwise nobody's.</summary>
    public static (int UnitId, string Cadre)? HolderOf(CaseStatus status, int? unitId, string? cadre) =>
        unitId is { } unit && cadre is not null && CaseStates.OpenStatuses.Contains(status) ? (unit, cadre) : null;

    /// <summary>
    /// The change a set of case saves makes to the loads: each case leaves its former holder's load and joins its new
    /// holder's. Rows that net to zero are left out.
    /// </summary>
    public static IReadOnlyList<(int UnitId, string Cadre, int Delta)> Changes(
        IEnumerable<((int UnitId, string Cadre)? Before, (int UnitId, string Cadre)? After)> cases)
    {
        var deltas = new Dictionary<(int UnitId, string Cadre), int>();
        foreach (var (before, after) in cases)
        {
            if (before == after)
            {
                continue;
            }

            if (before is { } left)
            {
                deltas[left] = deltas.GetValueOrDefault(left) - 1;
            }

            if (after is { } joined)
            {
                deltas[joined] = deltas.GetValueOrDefault(joined) + 1;
            }
        }

        return [.. deltas.Where(d => d.Value != 0).OrderBy(d => d.Key.UnitId).ThenBy(d => d.Key.Cadre, StringComparer.Ordinal)
            .Select(d => (d.Key.UnitId, d.Key.Cadre, d.Value))];
    }
}
