using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Functional.Tests.Stats;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static GrievanceDesk.Functional.Tests.Stats.HandBuiltCases;

namespace GrievanceDesk.Functional.Tests.Briefings;

/// <summary>The weekly briefing of the hand-built week 2026-W10: what the PDF says, the archive, and the Monday job.</summary>
public sealed partial class BriefingTests(HandBuiltCasesFactory app) : IClassFixture<HandBuiltCasesFactory>
{
    private const string WeekUrl = "/api/briefings/weekly/2026/10";

    [Fact]
    public async Task The_pdf_states_the_headline_figures_of_the_week_with_the_change_from_the_week_before()
    {
        var text = await PdfTextAsync(WeekUrl);

        text.ShouldContain("每周信访工作简报");
        text.ShouldContain("2026年第10期（第10周，2026年3月2日—3月8日）");
        text.ShouldContain($"本周共受理信访事项 {Expected.Office.Received} 件（较上周 +{Expected.Office.Received - Expected.ReceivedWeekBefore}）");
        text.ShouldContain($"交办 {Expected.Office.Dispatched} 件，办结 {Expected.Office.Closed} 件");
        text.ShouldContain($"截至周末在办 {Expected.Office.Open} 件，其中超期 {Expected.Office.Overdue} 件");
        // 18/21, 18/20, 8/11, 9/11, as the API counts them.
        text.ShouldContain("响应率 85.7%，按期办结率 90.0%，解决率 72.7%，满意率 81.8%");
        text.ShouldContain("18 / 20");
        text.ShouldContain("18 / 21");
        // The ranking over four weeks (W7–W10): B first, A second with A6, A13 and A14 of the weeks before; C (two
        // cases) is not ranked.
        text.ShouldContain($"1{UnitBName}10");
        text.ShouldContain($"2{UnitAName}14");
        // Hot issues, a collective petition, the overdue and the paused cases.
        text.ShouldContain(WageSubject);
        text.ShouldContain(HotAddress);
        text.ShouldContain("ST-A05");
        text.ShouldContain("ST-A09");
        text.ShouldContain("ST-A08");
        text.ShouldContain("第10周");
        text.ShouldContain("第3周");
    }

    [Fact]
    public async Task The_pdf_reads_as_a_briefing_masthead_assessment_streets_rolling_ranking_and_definitions()
    {
        var text = await PdfTextAsync(WeekUrl);

        // The masthead.
        text.ShouldContain("内部资料 注意保存");
        text.ShouldContain("编发单位：清河区人民政府信访办公室");
        text.ShouldContain("签发人：");
        text.ShouldContain("报送：");
        text.ShouldContain("抄送：");
        // 研判, from the figures: 25 received against 3 the week before.
        text.ShouldContain("研判");
        text.ShouldContain($"本周受理 {Expected.Office.Received} 件，环比上升");
        text.ShouldContain("本周发生集体访 1 批次");
        // 同比/累计, 来访 批次/人次 (A5: 6 people; C1: 1), 初信初访/重复访.
        text.ShouldContain("同比（去年同周）受理 0 件");
        text.ShouldContain("来访 2 批 7 人次");
        text.ShouldContain($"初信初访 {Expected.Office.Received - 2} 件，重复访 2 件");
        // The 属地 table and the rolling ranking with its weights and the units with too few cases.
        text.ShouldContain("属地分布");
        text.ShouldContain("近4周");
        text.ShouldContain("响应率×20% + 按期办结率×20% + 解决率×30% + 满意率×30%");
        text.ShouldMatch(@"件数不足（不参与排名）：[^。]*（2件）");
        // The office's own backlog on its own line: Q1 and Q3, Q3 overdue.
        text.ShouldContain("信访办自身待派单：期末 2 件，其中超期 1 件");
        text.ShouldContain("本周督办单");
        text.ShouldContain("口径说明");
        text.ShouldContain("按期办结率：");
    }

    [Fact]
    public async Task The_pdf_names_people_only_masked_and_shows_no_phone_number()
    {
        var text = await PdfTextAsync(WeekUrl);

        text.ShouldContain("欧***");
        text.ShouldContain("张**");
        text.ShouldNotContain(DissatisfiedA6);
        text.ShouldNotContain(DissatisfiedA13);
        text.ShouldNotContain(PhoneInVisitNote);
        text.ShouldContain("139****5678");
        MobileNumber().IsMatch(text).ShouldBeFalse(MobileNumber().Match(text).Value);
    }

    [Fact]
    public async Task A_past_week_is_generated_once_archived_and_served_from_the_archive()
    {
        var leader = await app.SignedIn(As.Leader);

        var first = await leader.GetAsync("/api/briefings/weekly/2026/9");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await first.Content.ReadAsByteArrayAsync();
        var again = await (await leader.GetAsync("/api/briefings/weekly/2026/9")).Content.ReadAsByteArrayAsync();
        again.ShouldBe(bytes);

        var list = await (await leader.GetAsync("/api/briefings")).ShouldBeOk<JsonElement>();
        var entry = list.EnumerateArray().Single(b => b.GetProperty("year").GetInt32() == 2026 && b.GetProperty("week").GetInt32() == 9);
        entry.GetProperty("periodStart").GetString().ShouldBe("2026-02-23");
        entry.GetProperty("periodEnd").GetString().ShouldBe("2026-03-01");
        entry.GetProperty("sizeBytes").GetInt32().ShouldBe(bytes.Length);
        (await ArchivedCount(2026, 9)).ShouldBe(1);
    }

    [Fact]
    public async Task The_current_week_and_a_future_one_are_not_over_yet()
    {
        var leader = await app.SignedIn(As.Leader);
        var today = AppTodayInChina();
        var (year, week) = (ISOWeek.GetYear(today), ISOWeek.GetWeekOfYear(today));

        await (await leader.GetAsync($"/api/briefings/weekly/{year}/{week}")).ShouldBeProblem(HttpStatusCode.Conflict, "briefing-week-not-over");
        await (await leader.GetAsync($"/api/briefings/weekly/{year + 1}/1")).ShouldBeProblem(HttpStatusCode.Conflict, "briefing-week-not-over");
        (await ArchivedCount(year, week)).ShouldBe(0);
    }

    [Theory]
    [InlineData(2026, 54)]
    [InlineData(2026, 0)]
    [InlineData(2025, 53)]
    [InlineData(1999, 10)]
    public async Task A_week_that_does_not_exist_is_400(int year, int week)
    {
        var leader = await app.SignedIn(As.Leader);

        await (await leader.GetAsync($"/api/briefings/weekly/{year}/{week}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Leaders_and_the_office_read_briefings_units_and_admins_do_not()
    {
        foreach (var user in new[] { As.Leader, As.Dispatcher, As.FrontDesk })
        {
            (await (await app.SignedIn(user)).GetAsync("/api/briefings")).StatusCode.ShouldBe(HttpStatusCode.OK, user);
        }

        foreach (var user in new[] { As.Cadre, As.UnitLeader, As.Admin })
        {
            await (await (await app.SignedIn(user)).GetAsync(WeekUrl)).ShouldBeProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task The_monday_job_archives_last_week_once_however_often_it_runs()
    {
        var admin = await app.SignedIn(As.Admin);
        var jobs = await (await admin.GetAsync("/api/admin/jobs")).ShouldBeOk<JsonElement>();
        var job = jobs.EnumerateArray().Single(j => j.GetProperty("id").GetString() == "weekly-briefing");
        job.GetProperty("cron").GetString().ShouldBe("0 6 * * 1");

        var lastWeek = AppTodayInChina().AddDays(-7);
        var (year, week) = (ISOWeek.GetYear(lastWeek), ISOWeek.GetWeekOfYear(lastWeek));
        var runs = new List<JsonElement>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            runs.Add(await (await admin.PostAsync("/api/admin/jobs/weekly-briefing/trigger", null)).ShouldBeOk<JsonElement>());
        }

        (await ArchivedCount(year, week)).ShouldBe(1);
        runs.Select(r => r.GetProperty("result").GetProperty("counts").GetProperty("generated").GetInt32()).Sum().ShouldBeLessThanOrEqualTo(1);
        runs[1].GetProperty("result").GetProperty("counts").GetProperty("generated").GetInt32().ShouldBe(0);
    }

    private async Task<string> PdfTextAsync(string url)
    {
        var response = await (await app.SignedIn(As.Leader)).GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // To look at the pages: GD_BRIEFING_PDF_DIR=/tmp/briefings dotnet test …, then pdftoppm -png -r 60 the file.
        if (Environment.GetEnvironmentVariable("GD_BRIEFING_PDF_DIR") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, url.Replace('/', '-').Trim('-') + ".pdf"), bytes);
        }

        using var pdf = PdfDocument.Open(bytes);
        return string.Concat(pdf.GetPages().Select(p => p.Text));
    }

    /// <summary>Today in China by the app's clock (the one the briefing request and the Monday job read), not the test's.</summary>
    private DateTime AppTodayInChina() => app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;

    private async Task<int> ArchivedCount(int year, int week)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().BriefingArchives.CountAsync(b => b.Year == year && b.Week == week);
    }

    /// <summary>A mainland mobile number, not part of a longer run of digits.</summary>
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
