using FluentValidation;
using FluentValidation.Results;
using GrievanceDesk.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>
/// The people of a unit a case can be given to (承办人): active accounts of the unit with the cadre or unit-leader role.
/// The one statement of that rule: the dispatch and assign commands check a named cadre with it, and the case page
/// offers the list <see cref="ListAssignableCadres"/> answers.
/// </summary>
public sealed class AssignableCadres(IUserDirectory users)
{
    public static bool IsCadreOf(UserDto user, int? unitId) =>
        user.IsActive && unitId is not null && user.UnitId == unitId && user.Roles.Any(r => r is Roles.Cadre or Roles.UnitLeader);

    public async Task<IReadOnlyList<UserDto>> Of(int unitId, CancellationToken ct) =>
        (await users.ListAsync(ct)).Where(u => IsCadreOf(u, unitId)).ToList();

    /// <summary>A 400 on <paramref name="field"/> unless <paramref name="cadre"/> is a cadre of the unit.</summary>
    public async Task EnsureCadreOf(string cadre, int? unitId, string field, CancellationToken ct)
    {
        if (await users.FindAsync(cadre, ct) is not { } user || !IsCadreOf(user, unitId))
        {
            throw new ValidationException([new ValidationFailure(field, $"{cadre} 不是该单位的承办人 (not a cadre of the case's unit).")]);
        }
    }
}

/// <summary>The cadres the case can be assigned to: those of its responsible unit (none while it has no unit).</summary>
public sealed record ListAssignableCadres(long CaseId) : IQuery<IReadOnlyList<UserDto>>;

public sealed class ListAssignableCadresHandler(IAppDbContext db, ICurrentUser user, AssignableCadres cadres)
    : IQueryHandler<ListAssignableCadres, IReadOnlyList<UserDto>>
{
    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListAssignableCadres query, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().Where(c => c.Id == query.CaseId).Select(c => new { c.UnitId }).SingleOrDefaultAsync(ct);
        if (found is null || !CasePermissions.MaySee(user, found.UnitId))
        {
            throw new NotFoundException("案件", query.CaseId);
        }

        return found.UnitId is { } unitId ? await cadres.Of(unitId, ct) : [];
    }
}
