using GrievanceDesk.Application.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Identity;

internal sealed class UserDirectory(UserManager<AppUser> users, Persistence.AppDbContext db, SignInThrottle throttle, SessionStamps sessions) : IUserDirectory
{
    public async Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var result = new List<UserDto>(all.Count);
        foreach (var user in all)
        {
            result.Add(await ToDto(user));
        }

        return result;
    }

    public async Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct)
    {
        if (userNames.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var names = userNames.Distinct().ToList();
        return await users.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
    }

    public async Task<UserDto?> FindAsync(string userName, CancellationToken ct) =>
        await users.FindByNameAsync(userName) is { } user ? await ToDto(user) : null;

    public async Task<UserDto> CreateAsync(string userName, string displayName, string password, IReadOnlyList<string> roles, int? unitId, CancellationToken ct)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName, UnitId = unitId, LockoutEnabled = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        return await ToDto(user);
    }

    public async Task<UserDto> UpdateAsync(string userName, string displayName, IReadOnlyList<string> roles, int? unitId, bool isActive, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new NotFoundException("用户", userName);
        var current = await users.GetRolesAsync(user);
        var sessionsEnd = user.UnitId != unitId || user.IsActive != isActive || !current.ToHashSet().SetEquals(roles);
        user.DisplayName = displayName;
        user.UnitId = unitId;
        user.IsActive = isActive;
        Check(await users.UpdateAsync(user));
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
        if (sessionsEnd)
        {
            // What the user may do has changed: every token and cookie issued before stops working (SessionStamps).
            Check(await users.UpdateSecurityStampAsync(user));
            sessions.Forget(userName);
        }

        return await ToDto(user);
    }

    public async Task UnlockAsync(string userName, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName) ?? throw new NotFoundException("用户", userName);
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        throttle.Unlock(user.UserName!);
    }

    public Task<bool> AnyInUnitAsync(int unitId, CancellationToken ct) => users.Users.AnyAsync(u => u.UnitId == unitId, ct);

    /// <summary>
    /// The active users of a role (in a unit), by name: one untracked query for the names alone. (Identity's
    /// GetUsersInRoleAsync loads and tracks every user of the role, which each intake then carried through its saves.)
    /// </summary>
    public async Task<IReadOnlyList<string>> UserNamesInRoleAsync(string role, int? unitId, CancellationToken ct)
    {
        var normalized = users.NormalizeName(role);
        var names = await (
                from user in db.Users.AsNoTracking()
                join link in db.UserRoles on user.Id equals link.UserId
                join r in db.Roles on link.RoleId equals r.Id
                where r.NormalizedName == normalized && user.IsActive && (unitId == null || user.UnitId == unitId)
                select user.UserName!)
            .ToListAsync(ct);
        return names.Order(StringComparer.Ordinal).ToList();
    }

    private async Task<UserDto> ToDto(AppUser user)
    {
        var roles = (await users.GetRolesAsync(user)).OrderBy(r => r, StringComparer.Ordinal).ToList();
        var locked = throttle.IsLockedAnywhere(user.UserName!);
        return new UserDto(user.UserName!, user.DisplayName, roles, user.UnitId, user.IsActive, locked);
    }

    /// <summary>Identity's own refusals (weak password, bad user name) are input errors: 400 with the field named.</summary>
    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new FluentValidation.ValidationException(result.Errors.Select(e =>
                new FluentValidation.Results.ValidationFailure(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName", e.Description)));
        }
    }
}
