using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>Issue 12: the holiday table ends with 2026 (the seed); with the clock in December 2026 nobody may miss that.</summary>
public sealed class HolidayCoverageTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task With_the_table_ending_in_2026_in_December_the_admin_pages_warn_and_readiness_is_degraded_until_2027_is_entered()
    {
        app.Clock.Now = CaseApp.Cst(2026, 12, 1, 10);
        var admin = await app.Client(As.Admin);

        var ready = await app.CreateClient().GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK); // a load balancer keeps sending traffic
        var body = await ready.Content.ReadAsStringAsync();
        body.ShouldStartWith("Degraded");
        body.ShouldContain("holiday-calendar: Degraded");
        body.ShouldContain("2027");
        foreach (var page in new[] { "/admin", "/admin/holidays" })
        {
            var html = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
            html.ShouldContain("data-testid=\"holiday-coverage-warning\"");
            html.ShouldContain("缺少2027年的放假安排");
        }

        var coverage = await app.GetJson(As.Admin, "/api/admin/holidays/coverage");
        coverage.GetProperty("missingYears").EnumerateArray().Select(y => y.GetInt32()).ShouldBe([2027]);

        // The fixed statutory days first (provisional): covered, still flagged as awaiting confirmation.
        var provisional = await (await admin.PostAsync("/api/admin/holidays/years/2027/provisional", null)).ShouldBeOk<List<JsonElement>>();
        provisional.Select(d => d.GetProperty("date").GetString()).ShouldBe(["2027-01-01", "2027-05-01", "2027-10-01", "2027-10-02", "2027-10-03"]);
        provisional.ShouldAllBe(d => d.GetProperty("isProvisional").GetBoolean());
        (await (await app.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync()).ShouldStartWith("Healthy");
        WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/holidays?year=2027")).ShouldContain("仅有暂定的法定节日");

        // Then the published arrangement, pasted as a whole: it replaces the provisional days.
        var arrangement = "2027-01-01~2027-01-03 元旦\n2027-02-06~2027-02-14 春节\n2027-02-15 春节 上班\n2027-10-01~2027-10-07 国庆节\n2027-10-09 国庆节上班";
        var imported = await (await admin.PutAsJsonAsync("/api/admin/holidays/years/2027", new { arrangement })).ShouldBeOk<List<JsonElement>>();
        imported.Count.ShouldBe(3 + 9 + 1 + 7 + 1);
        imported.ShouldAllBe(d => !d.GetProperty("isProvisional").GetBoolean());
        imported.Single(d => d.GetProperty("date").GetString() == "2027-02-15").GetProperty("kind").GetString().ShouldBe("make_up_workday");
        var year = await app.GetJson(As.Admin, "/api/admin/holidays?year=2027");
        year.EnumerateArray().Count().ShouldBe(21);
        (await (await app.CreateClient().GetAsync("/health/ready")).Content.ReadAsStringAsync()).ShouldStartWith("Healthy");
        (await admin.GetStringAsync("/admin")).ShouldNotContain("holiday-coverage-warning");
    }

    [Fact]
    public async Task A_pasted_arrangement_that_cannot_be_read_is_refused_naming_the_line_and_changes_nothing()
    {
        var admin = await app.Client(As.Admin);
        var before = (await app.GetJson(As.Admin, "/api/admin/holidays?year=2028")).EnumerateArray().Count();

        var response = await admin.PutAsJsonAsync("/api/admin/holidays/years/2028", new { arrangement = "2028-01-01 元旦\n明年春节放假\n2029-05-01 劳动节" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        problem.ToString().ShouldContain("第2行");
        problem.ToString().ShouldContain("第3行");
        (await app.GetJson(As.Admin, "/api/admin/holidays?year=2028")).EnumerateArray().Count().ShouldBe(before);
    }
}

/// <summary>Issue 12: a change to the holiday table recomputes the open cases it affects; the seed never undoes an admin's delete.</summary>
public sealed class HolidayRecomputeTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task Adding_new_years_day_2027_moves_a_deadline_on_that_day_to_the_next_working_day_with_a_timeline_entry()
    {
        // A petition received 2026-12-17 must be accepted within 15 days: 2027-01-01, a Friday while 2027 is not entered.
        app.Clock.Now = CaseApp.Cst(2026, 12, 17, 10);
        var id = await app.LogId(app.NewIntake() with { Channel = "visit", CategoryCode = "GBZF-ZF", ReceivedAt = CaseApp.Cst(2026, 12, 17, 9) });
        var before = await app.Get(As.Dispatcher, id);
        before.GetProperty("deadlines").At("accept").ShouldBe(new DateTimeOffset(2027, 1, 1, 23, 59, 59, CaseApp.CstOffset));

        var admin = await app.Client(As.Admin);
        (await admin.PutAsJsonAsync("/api/admin/holidays/2027-01-01", new { kind = "holiday", name = "元旦" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // 2027-01-01 is now a holiday, 01-02 and 01-03 a weekend: Monday 2027-01-04.
        var after = await app.Get(As.Dispatcher, id);
        var expected = new DateTimeOffset(2027, 1, 4, 23, 59, 59, CaseApp.CstOffset);
        after.GetProperty("deadlines").At("accept").ShouldBe(expected);
        after.GetProperty("deadlines").At("current").ShouldBe(expected);
        var entry = after.GetProperty("timeline").EnumerateArray().Last();
        entry.Str("action").ShouldBe("deadlines-recomputed");
        entry.Str("summary")!.ShouldContain("2027-01-01");
        entry.Str("summary")!.ShouldContain("2027-01-04");
        entry.Str("summary")!.ShouldContain("元旦");
        // The list (and so the escalation sweep, which reads the same stored deadline) follows.
        var row = (await app.GetJson(As.Dispatcher, "/api/cases?pageSize=100")).GetProperty("items").EnumerateArray().Single(i => i.Id() == id);
        row.At("dueAt").ShouldBe(expected);

        // Removing the day again moves it back, and says so.
        (await admin.DeleteAsync("/api/admin/holidays/2027-01-01")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.Get(As.Dispatcher, id)).GetProperty("deadlines").At("accept").ShouldBe(new DateTimeOffset(2027, 1, 1, 23, 59, 59, CaseApp.CstOffset));
    }

    [Fact]
    public async Task A_deleted_seeded_holiday_stays_deleted_after_a_restart()
    {
        var admin = await app.Client(As.Admin);
        (await admin.DeleteAsync("/api/admin/holidays/2026-10-07")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        // What every start does: migrate and seed.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        var days = (await app.GetJson(As.Admin, "/api/admin/holidays?year=2026")).EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        days.ShouldNotContain("2026-10-07");
        days.ShouldContain("2026-10-06");
    }
}
