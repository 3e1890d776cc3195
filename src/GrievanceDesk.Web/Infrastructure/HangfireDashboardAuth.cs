using GrievanceDesk.Application.Common;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// The Hangfire dashboard at /hangfire, for Admin only (docs/product.md §7). The caller is authenticated with the app's own
/// scheme (cookie or bearer); Hangfire answers a refusal with 401 to an anonymous caller and 403 to a signed-in one,
/// and the status-code pages turn both into problem details. The recurring-jobs page's "Trigger now" enqueues the job
/// for the Hangfire server (the API's trigger runs it at once instead).
/// </summary>
internal static class HangfireDashboardAuth
{
    public const string Path = "/hangfire";

    public static IApplicationBuilder UseGrievanceDeskJobsDashboard(this IApplicationBuilder app) =>
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            DashboardTitle = "GrievanceDesk 定时任务",
            AppPath = "/",
            DisplayStorageConnectionString = false,
            Authorization = [],
            AsyncAuthorization = [new AdminOnlyFilter()],
        }, app.ApplicationServices.GetRequiredService<JobStorage>());

    private sealed class AdminOnlyFilter : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var result = await http.AuthenticateAsync(AuthSetup.Scheme);
            if (result.Succeeded)
            {
                // Hangfire picks 403 over 401 by whether this user is authenticated.
                http.User = result.Principal;
            }

            return result.Succeeded && result.Principal.IsInRole(Roles.Admin);
        }
    }
}
