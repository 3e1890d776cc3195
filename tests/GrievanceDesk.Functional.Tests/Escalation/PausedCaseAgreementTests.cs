using System.Text.Json;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Escalation;

/// <summary>
/// Issue 12: the list filter, the case page, the statistics and the sweep agree on a paused case past its deadline. A
/// class of its own, so that its database holds only the two cases it counts in the office's statistics.
/// </summary>
public sealed class PausedCaseAgreementTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task List_case_page_statistics_and_sweep_agree_that_a_paused_case_past_its_deadline_is_not_overdue()
    {
        app.Clock.Reset();
        var paused = await app.CaseIn("accepted");
        var running = await app.CaseIn("accepted");
        var requested = await app.Do(As.Cadre, paused, "pauses", new { reason = "等待第三方鉴定结论" });
        var pauseId = requested.GetProperty("pauses").EnumerateArray().ShouldHaveSingleItem().Id();
        await app.Do(As.UnitLeader, paused, $"pauses/{pauseId}/approve");
        var handle = (await app.Get(As.Dispatcher, running)).GetProperty("deadlines").At("handle");

        app.Clock.Now = handle.AddDays(2);
        await Sweep();

        // The list filter.
        var overdueIds = await ListIds("overdue=true");
        overdueIds.ShouldContain(running);
        overdueIds.ShouldNotContain(paused);
        (await ListIds("overdue=false")).ShouldContain(paused);
        var row = (await app.GetJson(As.Dispatcher, "/api/cases?pageSize=100")).GetProperty("items").EnumerateArray().Single(i => i.Id() == paused);
        row.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        row.GetProperty("dueSoon").GetBoolean().ShouldBeFalse();

        // The case page.
        var pausedCase = (await app.Get(As.Dispatcher, paused)).GetProperty("deadlines");
        pausedCase.GetProperty("overdue").GetBoolean().ShouldBeFalse();
        pausedCase.GetProperty("current").ValueKind.ShouldBe(JsonValueKind.Null);
        (await app.Get(As.Dispatcher, running)).GetProperty("deadlines").GetProperty("overdue").GetBoolean().ShouldBeTrue();

        // The statistics: both open, one overdue.
        var today = DateOnly.FromDateTime(app.Now.ToOffset(CaseApp.CstOffset).DateTime);
        var stats = await app.GetJson(As.Leader, $"/api/stats?from={today.AddDays(-60):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        stats.GetProperty("total").GetProperty("open").GetInt32().ShouldBe(2);
        stats.GetProperty("total").GetProperty("overdue").GetInt32().ShouldBe(1);

        // The sweep.
        (await Steps(paused)).ShouldBeEmpty();
        (await Steps(running)).ShouldContain(EscalationStep.Overdue);
    }

    private async Task<List<long>> ListIds(string filter) =>
        [.. (await app.GetJson(As.Dispatcher, $"/api/cases?{filter}&pageSize=100")).GetProperty("items").EnumerateArray().Select(i => i.Id())];

    private async Task Sweep() => await app.Services.GetRequiredService<IJobScheduler>().RunNowAsync(EscalationSweep.JobId, default);

    private async Task<List<EscalationStep>> Steps(long caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Escalations.Where(e => e.CaseId == caseId).OrderBy(e => e.Step).Select(e => e.Step).ToListAsync();
    }
}
