using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Partners;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Web.OpenApi;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Web.Partners;

/// <summary>
/// The partner systems' own way in: the key in <c>X-Api-Key</c>, looked up by its prefix and checked against the
/// stored hash; a revoked partner or a rotated-away key is refused (401). Not a staff account: the principal has no
/// role, only the partner's id and scopes, so no staff endpoint accepts it.
/// </summary>
internal sealed class PartnerKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IAppDbContext db) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PartnerKey";
    public const string PartnerIdClaim = "partner_id";
    public const string ScopeClaim = "scope";

    /// <summary>The rate limit policy of the partner endpoints: a fixed window per partner.</summary>
    public const string RateLimitPolicy = "partner";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Request.Headers[ApiContract.PartnerKeyHeader].ToString().Trim();
        if (key.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (PartnerKeys.PrefixOf(key) is not { } prefix)
        {
            return AuthenticateResult.Fail("Malformed partner key.");
        }

        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.KeyPrefix == prefix, Context.RequestAborted);
        if (partner is null || !PartnerKeys.Matches(key, partner.KeyHash) || partner.IsRevoked)
        {
            return AuthenticateResult.Fail("Unknown, rotated or revoked partner key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, $"partner:{partner.Id}"),
            new(AuthService.DisplayNameClaim, $"{partner.Name}（对接系统）"),
            new(PartnerIdClaim, partner.Id.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(partner.ScopeList.Select(s => new Claim(ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>The partner of the request, from the partner key's principal.</summary>
internal sealed class HttpCurrentPartner(IHttpContextAccessor http) : ICurrentPartner
{
    public int? PartnerId =>
        int.TryParse(http.HttpContext?.User.FindFirstValue(PartnerKeyAuthentication.PartnerIdClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}

internal static class PartnerSetup
{
    /// <summary>The partner key scheme, the current partner, and the per-partner rate limit (RateLimits:PartnerPerMinute, default 120).</summary>
    public static IServiceCollection AddGrievanceDeskPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, PartnerKeyAuthentication>(PartnerKeyAuthentication.SchemeName, null);
        services.AddScoped<ICurrentPartner, HttpCurrentPartner>();
        var perMinute = configuration.GetValue("RateLimits:PartnerPerMinute", 120);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(PartnerKeyAuthentication.RateLimitPolicy, http =>
            RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(PartnerKeyAuthentication.PartnerIdClaim) ?? "anonymous:" + http.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }
}
