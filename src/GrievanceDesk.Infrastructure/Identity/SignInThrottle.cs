using GrievanceDesk.Application.Common;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>
/// The sign-in lockout, per account AND client address: after Auth:MaxFailedAccessAttempts failures from one address,
/// that account is locked for Auth:LockoutMinutes from that address only. A stranger elsewhere cannot lock the owner
/// out (the owner signs in from their own desk), and the same rule applies to names that do not exist, so the answer
/// never tells whether an account exists. An administrator's unlock lifts the account's locks at every address.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<AuthOptions> options)
{
    private readonly FailureCounter _failures = new(clock, options.Value.MaxFailedAccessAttempts, TimeSpan.FromMinutes(options.Value.LockoutMinutes));

    public bool IsLocked(string userName, string clientAddress) => _failures.BlockedFor(Key(userName, clientAddress)) is not null;

    /// <summary>Records a failure; true when this account is now locked from this address.</summary>
    public bool Failed(string userName, string clientAddress) => _failures.Fail(Key(userName, clientAddress));

    public void Succeeded(string userName, string clientAddress) => _failures.Clear(Key(userName, clientAddress));

    public bool IsLockedAnywhere(string userName) => _failures.AnyBlocked(k => k.StartsWith(Prefix(userName), StringComparison.Ordinal));

    public void Unlock(string userName) => _failures.ClearWhere(k => k.StartsWith(Prefix(userName), StringComparison.Ordinal));

    private static string Prefix(string userName) => userName.Trim().ToUpperInvariant() + "\n";

    private static string Key(string userName, string clientAddress) => Prefix(userName) + clientAddress;
}
