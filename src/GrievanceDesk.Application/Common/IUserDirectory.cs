namespace GrievanceDesk.Application.Common;

public sealed record UserDto(string UserName, string DisplayName, IReadOnlyList<string> Roles, int? UnitId, bool IsActive, bool IsLockedOut);

/// <summary>The staff accounts (ASP.NET Core Identity behind it, in Infrastructure).</summary>
public interface IUserDirectory
{
    Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct);
    Task<UserDto?> FindAsync(string userName, CancellationToken ct);
    Task<UserDto> CreateAsync(string userName, string displayName, string password, IReadOnlyList<string> roles, int? unitId, CancellationToken ct);
    Task<UserDto> UpdateAsync(string userName, string displayName, IReadOnlyList<string> roles, int? unitId, bool isActive, CancellationToken ct);
    Task UnlockAsync(string userName, CancellationToken ct);
    Task<bool> AnyInUnitAsync(int unitId, CancellationToken ct);

    /// <summary>User names with <paramref name="role"/>, in <paramref name="unitId"/> when given.</summary>
    Task<IReadOnlyList<string>> UserNamesInRoleAsync(string role, int? unitId, CancellationToken ct);

    /// <summary>People's names (张伟) for login names (cadre1), to show a person as people know them.</summary>
    Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct);
}

public enum SignInOutcome
{
    Succeeded,
    BadCredentials,
    LockedOut,
}

/// <summary>
/// A signed-in user and the session key their token or cookie carries: the account's security stamp, which changes
/// when the account's roles, unit, active flag or password change, and so ends every session issued before.
/// </summary>
public sealed record SignedInUser(UserDto User, string SessionKey);

/// <summary>
/// Checks a password (the same cost and the same answer for known and unknown names) with a lockout per account and
/// client address, and issues the API's bearer token.
/// </summary>
public interface IAuthService
{
    Task<(SignInOutcome Outcome, SignedInUser? User)> CheckPasswordAsync(string userName, string password, string clientAddress, CancellationToken ct);
    (string AccessToken, DateTimeOffset ExpiresAt) IssueToken(SignedInUser user);
}
