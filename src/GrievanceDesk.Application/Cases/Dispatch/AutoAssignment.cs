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

        var load = await db.Cases.Where(CaseStates.Open)
            .Where(c => c.UnitId == unitId && c.CadreUserName != null && cadres.Contains(c.CadreUserName))
            .GroupBy(c => c.CadreUserName!)
            .Select(g => new { Cadre = g.Key, Open = g.Count() })
            .ToDictionaryAsync(x => x.Cadre, x => x.Open, ct);
        return AssignmentPolicy.ChooseCadre(unit, cadres.Select(c => new CadreLoad(c, load.GetValueOrDefault(c))));
    }
}
