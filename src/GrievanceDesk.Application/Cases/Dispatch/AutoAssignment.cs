using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>
/// 自动分派: reads what <see cref="AssignmentPolicy"/> decides on (the unit, its active cadres, each one's open cases)
/// and asks it. The open loads are read from <see cref="CadreOpenLoad"/>, a row per cadre kept by every save: counting
/// the unit's open cases per intake cost a third of an intake's database time over a million cases.
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

        var load = await db.CadreOpenLoads.AsNoTracking()
            .Where(l => l.UnitId == unitId && cadres.Contains(l.CadreUserName))
            .ToDictionaryAsync(l => l.CadreUserName, l => l.OpenCases, ct);
        return AssignmentPolicy.ChooseCadre(unit, cadres.Select(c => new CadreLoad(c, load.GetValueOrDefault(c))));
    }
}
