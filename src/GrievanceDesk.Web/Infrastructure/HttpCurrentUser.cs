using System.Globalization;
using System.Security.Claims;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Infrastructure.Identity;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>The caller, read from the bearer token or the sign-in cookie.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string UserName => Principal?.Identity?.Name ?? string.Empty;

    public string DisplayName => Principal?.FindFirstValue(AuthService.DisplayNameClaim) ?? UserName;

    public int? UnitId =>
        int.TryParse(Principal?.FindFirstValue(AuthService.UnitClaim), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    public string ClientAddress => AddressOf(http.HttpContext);

    /// <summary>The client's address after forwarded headers, the key of the per-client limits.</summary>
    public static string AddressOf(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public IReadOnlyCollection<string> Roles =>
        Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList() ?? [];
}
