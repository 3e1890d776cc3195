using GrievanceDesk.Application.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GrievanceDesk.Web.Pages;

/// <summary>Each role lands on its own start page (docs/product.md §9).</summary>
[Authorize]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(StartPage(User.IsInRole));

    public static string StartPage(Func<string, bool> isInRole) =>
        isInRole(Roles.Dispatcher) ? "/dispatch/queue"
        : isInRole(Roles.FrontDesk) ? "/desk/intake"
        : isInRole(Roles.UnitLeader) || isInRole(Roles.Cadre) ? "/unit/inbox"
        : isInRole(Roles.Leader) ? "/leader/dashboard"
        : isInRole(Roles.Admin) ? "/admin"
        : "/denied";
}
