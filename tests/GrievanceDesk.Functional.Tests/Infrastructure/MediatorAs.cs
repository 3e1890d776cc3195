using System.Globalization;
using System.Security.Claims;
using GrievanceDesk.Infrastructure.Identity;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// A request scope of the app whose caller is the given user, for sending Mediator requests directly (not through an
/// endpoint or a page): what any code in the app that holds an <see cref="ISender"/> could send.
/// </summary>
public sealed class MediatorAs : IDisposable
{
    private readonly IServiceScope _scope;
    private readonly IHttpContextAccessor _http;

    public MediatorAs(IServiceProvider services, string userName, IReadOnlyList<string> roles, int? unitId = null)
    {
        _scope = services.CreateScope();
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(AuthService.DisplayNameClaim, userName) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (unitId is { } unit)
        {
            claims.Add(new Claim(AuthService.UnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        }

        _http = _scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        _http.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")),
            RequestServices = _scope.ServiceProvider,
        };
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public ISender Sender => Services.GetRequiredService<ISender>();

    public void Dispose()
    {
        _http.HttpContext = null;
        _scope.Dispose();
    }
}
