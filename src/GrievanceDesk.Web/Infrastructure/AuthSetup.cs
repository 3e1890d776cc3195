using GrievanceDesk.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// Two ways in, one identity: the API takes a bearer token (POST /api/auth/token), the web pages a cookie.
/// A policy scheme picks by the Authorization header, so every endpoint accepts either.
/// </summary>
internal static class AuthSetup
{
    public const string Scheme = "BearerOrCookie";

    public static IServiceCollection AddGrievanceDeskAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = AuthService.SigningKey(settings),
                    NameClaimType = System.Security.Claims.ClaimTypes.Name,
                    RoleClaimType = System.Security.Claims.ClaimTypes.Role,
                    ClockSkew = TimeSpan.FromMinutes(1),
                    RequireExpirationTime = true,
                };
                // A token whose account changed since it was issued (roles, unit, active flag, password) is refused.
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async ctx =>
                    {
                        if (!await ctx.HttpContext.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(ctx.Principal!))
                        {
                            ctx.Fail("The session has ended: the account was changed or deactivated.");
                        }
                    },
                };
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "gd.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/denied";
                o.SlidingExpiration = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; // Secure behind TLS, X-Forwarded-Proto included
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    if (ctx.Principal is null || !await ctx.HttpContext.RequestServices.GetRequiredService<SessionStamps>().IsCurrentAsync(ctx.Principal))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
                o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.TokenLifetimeMinutes);
                // The API answers 401/403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
            });
        // Token lifetimes are checked against the app's clock (TimeProvider), like every other time rule, so a moved
        // clock in tests or a skewed host clock affects issuing and checking alike.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<TimeProvider>((o, clock) =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                // A token without exp never ends: refused.
                return expires is not null
                    && (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                    && expires.Value >= now - parameters.ClockSkew;
            });
        services.AddAuthorization();
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hangfire"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
