using System.Security.Claims;
using System.Text;
using GrievanceDesk.Application.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>Password check with lockout (Identity's SignInManager rules) and the bearer token for the API.</summary>
public sealed class AuthService(
    UserManager<AppUser> users,
    IUserDirectory directory,
    IOptions<AuthOptions> options,
    TimeProvider clock) : IAuthService
{
    public const string UnitClaim = "unit_id";
    public const string DisplayNameClaim = "display_name";

    public async Task<(SignInOutcome Outcome, UserDto? User)> CheckPasswordAsync(string userName, string password, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null || !user.IsActive)
        {
            return (SignInOutcome.BadCredentials, null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (SignInOutcome.LockedOut, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return (await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.BadCredentials, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        return (SignInOutcome.Succeeded, await directory.FindAsync(userName, ct));
    }

    public (string AccessToken, DateTimeOffset ExpiresAt) IssueToken(UserDto user)
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
    public static List<Claim> Claims(UserDto user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.UserName),
            new(DisplayNameClaim, user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.UnitId is { } unitId)
        {
            claims.Add(new Claim(UnitClaim, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return claims;
    }

    /// <summary>The principal the web pages sign in with (cookie scheme <paramref name="authenticationType"/>).</summary>
    public static ClaimsPrincipal CreatePrincipal(UserDto user, string authenticationType) =>
        new(new ClaimsIdentity(Claims(user), authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    public static SymmetricSecurityKey SigningKey(AuthOptions settings) => new(Encoding.UTF8.GetBytes(settings.SigningKey));
}
