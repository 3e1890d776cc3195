using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>
/// 自动分派: reads what <see cref="AssignmentPolicy"/> decides on (the unit, its active cadres, each one's open cases)
/// and asks it. The open load is counted with <see cref="CaseStates.Open"/> on the (UnitId, Status, CadreUserName)
/// index: one seek per open status, the closed cases never read.
/// </summary>
public sealed class AutoAssignment(IAppDbContext db, IReferenceData reference, IUserDirectory users)
{
    /// <summary>The cadre auto-assign gives a case dispatched to the unit, or null when the unit leader assigns.</summary>
    public async Task<string?> CadreFor(int unitId, CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).UnitsById.TryGetValue(unitId, out var unit) || !unit.AutoAssign)
        {
            return null;
        }

        var cadres = await users.UserNamesInRoleAsync(Roles.Cadre, unitId, ct);
        if (cadres.Count == 0)
        {
            return null;
        }

        // Grouped by status as well, in the index's own order: grouped by cadre alone, SQLite sorted every open case of the
        // unit per intake (a fifth of an intake's database time over a million cases).
        var counts = await db.Cases.Where(CaseStates.Open)
            .Where(c => c.UnitId == unitId && c.CadreUserName != null && cadres.Contains(c.CadreUserName))
            .GroupBy(c => new { c.Status, Cadre = c.CadreUserName! })
            .Select(g => new { g.Key.Cadre, Open = g.Count() })
            .ToListAsync(ct);
        var load = counts.GroupBy(x => x.Cadre).ToDictionary(g => g.Key, g => g.Sum(x => x.Open));
        return AssignmentPolicy.ChooseCadre(unit, cadres.Select(c => new CadreLoad(c, load.GetValueOrDefault(c))));
    }
}
