using System.Net;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Jobs;

/// <summary>docs/product.md §7: the Hangfire dashboard is for Admin only (401 anonymous, 403 other roles).</summary>
public sealed class HangfireDashboardTests(JobsFactory app) : IClassFixture<JobsFactory>
{
    [Fact]
    public async Task An_admin_sees_the_dashboard_and_the_recurring_jobs_on_it()
    {
        var admin = await app.SignedIn(As.Admin);

        var home = await admin.GetAsync("/hangfire");
        var html = await home.Content.ReadAsStringAsync();
        home.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        home.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        html.ShouldContain("GrievanceDesk 定时任务");

        var recurring = await admin.GetStringAsync("/hangfire/recurring");
        recurring.ShouldContain(JobsFactory.OutboxSender);
        recurring.ShouldContain(ProbeJob.JobId);
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    public async Task Every_other_role_gets_403_and_an_anonymous_caller_401(string path)
    {
        foreach (var user in As.EveryRole.Where(u => u != As.Admin))
        {
            var client = await app.SignedIn(user);
            await (await client.GetAsync(path)).ShouldBeProblem(HttpStatusCode.Forbidden);
        }

        await (await app.CreateClient().GetAsync(path)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
