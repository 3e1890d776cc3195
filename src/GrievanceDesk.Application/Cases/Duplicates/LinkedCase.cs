using FluentValidation;
using FluentValidation.Results;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Duplicates;

/// <summary>The other case a merge or a repeat links to: one the caller may see, or a 400 on the field that named it.</summary>
public sealed class LinkedCase(IAppDbContext db, ICurrentUser user)
{
    public async Task<Case> Load(long id, string field, CancellationToken ct)
    {
        var other = await db.Cases.Include(c => c.Complainants).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (other is null || !CasePermissions.MaySee(user, other.UnitId))
        {
            throw new ValidationException([new ValidationFailure(field, $"案件 {id} 不存在 (case not found).")]);
        }

        return other;
    }
}
