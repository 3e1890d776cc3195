using System.Security.Claims;
using System.Text;
using GrievanceDesk.Application.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>
/// Password check and the bearer token for the API. A known and an unknown (or inactive) name cost the same — one
/// password hash verification each — and get the same answers, including the lockout, which counts per account and
/// client address (<see cref="SignInThrottle"/>) and not per account alone, so nobody can lock another person out.
/// </summary>
public sealed class AuthService(
    UserManager<AppUser> users,
    IUserDirectory directory,
    SignInThrottle throttle,
    IOptions<AuthOptions> options,
    TimeProvider clock) : IAuthService
{
    public const string UnitClaim = "unit_id";
    public const string DisplayNameClaim = "display_name";

    /// <summary>A hash to verify against when the name is unknown, so that the answer takes as long as for a known one.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    public async Task<(SignInOutcome Outcome, SignedInUser? User)> CheckPasswordAsync(string userName, string password, string clientAddress, CancellationToken ct)
    {
        if (throttle.IsLocked(userName, clientAddress))
        {
            return (SignInOutcome.LockedOut, null);
        }

        var user = await users.FindByNameAsync(userName);
        bool passwordOk;
        if (user is { IsActive: true })
        {
            passwordOk = await users.CheckPasswordAsync(user, password);
        }
        else
        {
            _ = users.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, password);
            passwordOk = false;
        }

        if (!passwordOk)
        {
            return (throttle.Failed(userName, clientAddress) ? SignInOutcome.LockedOut : SignInOutcome.BadCredentials, null);
        }

        throttle.Succeeded(userName, clientAddress);
        var dto = await directory.FindAsync(user!.UserName!, ct);
        return (SignInOutcome.Succeeded, new SignedInUser(dto!, user.SecurityStamp ?? string.Empty));
    }

    public (string AccessToken, DateTimeOffset ExpiresAt) IssueToken(SignedInUser user)
    {
        var settings = options.Value;
        var expires = clock.GetUtcNow().AddMinutes(settings.TokenLifetimeMinutes);
        var claims = Claims(user);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = clock.GetUtcNow().UtcDateTime,
            NotBefore = clock.GetUtcNow().UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    /// <summary>The caller's claims, the same in the bearer token and the sign-in cookie of the web pages.</summary>
    public static List<Claim> Claims(SignedInUser signedIn)
    {
        var user = signedIn.User;
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(DisplayNameClaim, user.DisplayName),
            new(SessionStamps.Claim, signedIn.SessionKey),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.UnitId is { } unitId)
        {
            claims.Add(new Claim(UnitClaim, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return claims;
    }

    /// <summary>The principal the web pages sign in with (cookie scheme <paramref name="authenticationType"/>).</summary>
    public static ClaimsPrincipal CreatePrincipal(SignedInUser user, string authenticationType) =>
        new(new ClaimsIdentity(Claims(user), authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    public static SymmetricSecurityKey SigningKey(AuthOptions settings) => new(Encoding.UTF8.GetBytes(settings.SigningKey));
}
