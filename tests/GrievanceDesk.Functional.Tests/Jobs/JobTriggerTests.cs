using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Jobs;

/// <summary>docs/product.md §4: admins can trigger any recurring job now; the jobs and their cron are listed. Admin only.</summary>
public sealed class JobTriggerTests(JobsFactory app) : IClassFixture<JobsFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Admin_triggers_the_outbox_sender_and_gets_what_it_did()
    {
        await app.EnqueueAsync(JobsFactory.Sms("您的诉求已登记"), JobsFactory.Internal("您有新的派单"));
        var admin = await app.SignedIn(As.Admin);

        var response = await admin.PostAsync($"/api/admin/jobs/{JobsFactory.OutboxSender}/trigger", null);

        var run = await response.ShouldBeOk<JsonElement>();
        run.GetProperty("jobId").GetString().ShouldBe(JobsFactory.OutboxSender);
        run.GetProperty("displayName").GetString().ShouldNotBeNullOrWhiteSpace();
        var startedAt = run.GetProperty("startedAt").GetDateTimeOffset();
        run.GetProperty("finishedAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(startedAt);
        startedAt.Offset.ShouldBe(TimeSpan.FromHours(8));
        run.GetProperty("result").GetProperty("counts").GetProperty("sent").GetInt32().ShouldBe(2);
        run.GetProperty("result").GetProperty("summary").GetString()!.ShouldContain("已发送 2 条");
        app.Gateway.Delivered.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_job_added_as_one_class_is_listed_and_runs_when_triggered()
    {
        var admin = await app.SignedIn(As.Admin);
        var before = app.ProbeRuns.Runs;

        var run = await (await admin.PostAsync($"/api/admin/jobs/{ProbeJob.JobId}/trigger", null)).ShouldBeOk<JsonElement>();

        app.ProbeRuns.Runs.ShouldBe(before + 1);
        run.GetProperty("result").GetProperty("counts").GetProperty("runs").GetInt32().ShouldBe(before + 1);
        run.GetProperty("displayName").GetString().ShouldBe("测试任务");
    }

    [Fact]
    public async Task The_job_list_shows_each_job_with_its_cron_from_configuration_in_china_time()
    {
        var admin = await app.SignedIn(As.Admin);

        var jobs = await (await admin.GetAsync("/api/admin/jobs")).ShouldBeOk<JsonElement>();

        var byId = jobs.EnumerateArray().ToDictionary(j => j.GetProperty("id").GetString()!);
        byId.Keys.ShouldContain(JobsFactory.OutboxSender);
        byId.Keys.ShouldContain(ProbeJob.JobId);
        byId[JobsFactory.OutboxSender].GetProperty("cron").GetString().ShouldBe("* * * * *");
        byId[JobsFactory.OutboxSender].GetProperty("timeZone").GetString().ShouldBe("Asia/Shanghai");
        var probe = byId[ProbeJob.JobId];
        probe.GetProperty("cron").GetString().ShouldBe("0 7 * * 1");
        // Hangfire scheduled it in China Standard Time: Mondays at 07:00 +08:00, which is Sunday 23:00 UTC.
        var next = probe.GetProperty("nextRunAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        next.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        next.TimeOfDay.ShouldBe(TimeSpan.FromHours(7));
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_problem()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.PostAsync("/api/admin/jobs/no-such-job/trigger", null)).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Only_admin_lists_or_triggers_jobs_and_nothing_runs_when_refused()
    {
        await app.EnqueueAsync(JobsFactory.Internal("不应发送"));
        foreach (var user in As.EveryRole.Where(u => u != As.Admin))
        {
            var client = await app.SignedIn(user);
            await (await client.PostAsync($"/api/admin/jobs/{JobsFactory.OutboxSender}/trigger", null)).ShouldBeProblem(HttpStatusCode.Forbidden);
            await (await client.GetAsync("/api/admin/jobs")).ShouldBeProblem(HttpStatusCode.Forbidden);
        }

        var anonymous = app.CreateClient();
        await (await anonymous.PostAsync($"/api/admin/jobs/{JobsFactory.OutboxSender}/trigger", null)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync("/api/admin/jobs")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        app.Gateway.Calls.ShouldBeEmpty();
    }
}
