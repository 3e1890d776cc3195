using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>
/// Sessions end when the account changes: every bearer token and sign-in cookie carries the account's security stamp
/// (claim <see cref="Claim"/>), and each request compares it with the account's current stamp and active flag, read
/// from the database at most every <see cref="CheckEvery"/> per account (by the app's clock). Changing roles, unit,
/// active flag or password renews the stamp, so on every instance the old token and cookie stop working within
/// <see cref="CheckEvery"/>; on the instance that made the change, at once.
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const string Claim = "sst";
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset CheckedAt)> _current = new(StringComparer.OrdinalIgnoreCase);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        var userName = principal.Identity?.Name;
        var stamp = principal.FindFirstValue(Claim);
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(stamp))
        {
            return false; // a token or cookie from before stamps, or forged without one
        }

        var now = clock.GetUtcNow();
        if (!_current.TryGetValue(userName, out var known) || now - known.CheckedAt >= CheckEvery || now < known.CheckedAt)
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName);
            known = (user is { IsActive: true } ? user.SecurityStamp ?? string.Empty : null, now);
            _current[userName] = known;
        }

        return known.Stamp is not null && string.Equals(known.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>This instance changed the account: check it again on its next request.</summary>
    public void Forget(string userName) => _current.TryRemove(userName, out _);
}
