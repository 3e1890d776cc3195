using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Functional.Tests.Foundation;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Functional.Tests.MultiInstance;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.MultiProcess;

/// <summary>
/// The production topology for real (docs/product.md §8): one migration step, then two app processes on one PostgreSQL database,
/// each running its own Hangfire server on Hangfire's PostgreSQL storage, as the compose files deploy them.
/// </summary>
public sealed class TwoProcesses : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public AppProcess A { get; private set; } = null!;

    public AppProcess B { get; private set; } = null!;

    public string ConnectionString => _database.Environment()["Database__ConnectionString"];

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string>(_database.Environment())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Demo__Seed"] = "true",
            ["Demo__Cases"] = "0",
            ["Demo__Password"] = GrievanceDeskFactory.Password,
            ["RateLimits__SignInPerMinute"] = "1000",
            ["Jobs__RunServer"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__GrievanceDesk.Infrastructure.Outbox"] = "Information", // the log gateway's lines
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information", // request lines, for Flush
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        var (exit, output) = await AppProcess.RunOnce(environment, "--migrate-only");
        exit.ShouldBe(0, output);

        environment["Database__MigrateOnStart"] = "false";
        var started = await Task.WhenAll(AppProcess.Start(environment), AppProcess.Start(environment));
        (A, B) = (started[0], started[1]);
    }

    public AppDbContext Db() => new(DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, ConnectionString));

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        _database.Dispose();
    }
}

public sealed class TwoProcessTests(TwoProcesses apps) : IClassFixture<TwoProcesses>
{
    [Fact]
    public async Task Each_escalation_step_happens_once_per_case_and_deadline_while_both_processes_sweep()
    {
        // Received two months ago: every deadline has passed, so every step of the ladder past the deadline is due at once
        // (the warning is not: a deadline already passed is never announced as coming, docs/time-and-deadlines.md).
        var cases = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => LogCase(i % 2 == 0 ? apps.A : apps.B, $"双进程督办{i}", DateTimeOffset.UtcNow.AddDays(-60))));
        var admins = new[] { await SignedIn(apps.A, As.Admin), await SignedIn(apps.B, As.Admin) };

        var sweeps = await Task.WhenAll(admins.Concat(admins).Concat(admins)
            .Select(c => c.PostAsync($"/api/admin/jobs/{EscalationSweep.JobId}/trigger", null)));
        sweeps.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

        await using var db = apps.Db();
        foreach (var id in cases)
        {
            var records = await db.Escalations.Where(e => e.CaseId == id).ToListAsync();
            records.Select(e => e.Step).Order().ToList().ShouldBe(
                [.. Enum.GetValues<GrievanceDesk.Domain.Sla.EscalationStep>().Where(s => s != GrievanceDesk.Domain.Sla.EscalationStep.Warning).Order()], $"case {id}");
            records.GroupBy(e => (e.Step, e.DeadlineUtc)).ShouldAllBe(g => g.Count() == 1);
        }
    }

    [Fact]
    public async Task Each_outbox_message_is_sent_once_while_both_processes_run_the_sender()
    {
        // A collective petition notifies the leaders; a late case adds the escalation notices.
        var id = await LogCase(apps.A, "双进程通知", DateTimeOffset.UtcNow.AddDays(-60), headCount: 8);
        var admins = new[] { await SignedIn(apps.A, As.Admin), await SignedIn(apps.B, As.Admin) };
        await Task.WhenAll(admins.Select(c => c.PostAsync($"/api/admin/jobs/{EscalationSweep.JobId}/trigger", null)));

        var sends = await Task.WhenAll(admins.Concat(admins).Concat(admins).Select(c => c.PostAsync("/api/admin/jobs/outbox-sender/trigger", null)));
        sends.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        await Task.WhenAll(apps.A.Flush(), apps.B.Flush());

        await using var db = apps.Db();
        var messages = await db.OutboxMessages.Where(m => m.CaseId == id).ToListAsync();
        messages.Count.ShouldBeGreaterThan(1);
        messages.ShouldAllBe(m => m.Status == OutboxStatus.Sent);
        var logged = apps.A.Output.Concat(apps.B.Output).Where(l => l.Contains("通知 Notification", StringComparison.Ordinal)).ToList();
        foreach (var message in messages)
        {
            logged.Count(l => l.Contains($"key {message.IdempotencyKey} ", StringComparison.Ordinal))
                .ShouldBe(1, $"{message.Template} to {message.Recipient}: sent by the gateway exactly once over both processes");
        }
    }

    [Fact]
    public async Task An_intake_retried_on_the_other_process_with_the_same_key_makes_one_case()
    {
        await SharedIntake.RetriedAcross(await SignedIn(apps.A, As.FrontDesk), await SignedIn(apps.B, As.FrontDesk), "双进程幂等");

        await using var db = apps.Db();
        (await db.Cases.CountAsync(c => c.Subject == "双进程幂等")).ShouldBe(1);
    }

    [Fact]
    public async Task A_page_cookie_and_an_antiforgery_token_from_one_process_are_accepted_by_the_other()
    {
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

        // The sign-in form comes from A (antiforgery cookie + token); it is posted to B.
        var form = await browser.GetStringAsync(new Uri(apps.A.Address, "/Login"));
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        var signIn = await browser.PostAsync(new Uri(apps.B.Address, "/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = As.FrontDesk,
            ["Input.Password"] = GrievanceDeskFactory.Password,
            ["__RequestVerificationToken"] = token,
        }));
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        signIn.Headers.Location!.ToString().ShouldNotContain("Login");

        // The sign-in cookie B issued opens a staff page on A (without it, A sends the browser to /Login).
        var page = await browser.GetAsync(new Uri(apps.A.Address, "/Desk/Intake"));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("data-testid=\"current-user\"");
        html.ShouldContain("王丽"); // the front-desk user B signed in
    }

    [Fact]
    public async Task An_admin_change_on_one_process_is_seen_by_the_next_intake_on_the_other()
    {
        var adminOnA = await SignedIn(apps.A, As.Admin);
        var units = await (await adminOnA.GetAsync("/api/units")).ShouldBeOk<List<JsonElement>>();
        var categories = await (await adminOnA.GetAsync("/api/categories")).ShouldBeOk<List<JsonElement>>();
        var regions = await (await adminOnA.GetAsync("/api/regions")).ShouldBeOk<List<JsonElement>>();
        int IdOf(List<JsonElement> rows, string code) => rows.Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
        var water = IdOf(units, "QH-SWJ");

        var before = await (await (await SignedIn(apps.B, As.FrontDesk)).PostAsJsonAsync("/api/cases", SharedIntake.NewCase("双进程派单前")))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        before.GetProperty("unit").GetProperty("id").GetInt32().ShouldNotBe(water);

        // On A: property complaints from 湖滨 now go to the water authority (category + region beats category alone).
        var rule = await (await adminOnA.PostAsJsonAsync("/api/admin/routing-rules", new
        {
            unitId = water,
            categoryId = IdOf(categories, "CSJS-WYGL"),
            regionId = IdOf(regions, "QH-XH-HB"),
            note = "双进程测试",
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);

        var after = await (await (await SignedIn(apps.B, As.FrontDesk)).PostAsJsonAsync("/api/cases", SharedIntake.NewCase("双进程派单后")))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        after.GetProperty("unit").GetProperty("id").GetInt32().ShouldBe(water);
        after.GetProperty("routingRuleId").GetInt32().ShouldBe(rule.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task The_images_health_check_command_passes_against_a_ready_instance_and_fails_without_one()
    {
        // docker/Dockerfile's HEALTHCHECK: dotnet GrievanceDesk.Web.dll --probe http://localhost:8080/health/ready
        var command = DeploymentFiles.HealthCheckCommand();
        var path = new Uri(command[3]).AbsolutePath;
        var nothing = new Uri($"http://127.0.0.1:{PostgresCluster.FreePort()}");

        var (up, upOutput) = await AppProcess.RunOnce(new Dictionary<string, string>(), command[2], new Uri(apps.B.Address, path).ToString());
        var (down, downOutput) = await AppProcess.RunOnce(new Dictionary<string, string>(), command[2], new Uri(nothing, path).ToString());

        up.ShouldBe(0, upOutput);
        down.ShouldBe(1, downOutput);
    }

    private static async Task<long> LogCase(AppProcess app, string subject, DateTimeOffset receivedAt, int headCount = 1)
    {
        var desk = await SignedIn(app, As.FrontDesk);
        var created = await (await desk.PostAsJsonAsync("/api/cases", SharedIntake.NewCase(subject, receivedAt, headCount))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt64();
    }

    private static async Task<HttpClient> SignedIn(AppProcess app, string userName)
    {
        var client = new HttpClient { BaseAddress = app.Address };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = GrievanceDeskFactory.Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
