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
/// Issue 12: one definition each of open, current deadline, overdue and 临期 (CaseStates), so the case list and its
/// filter, the case page, the statistics and the escalation sweep agree.
/// </summary>
public sealed class DeadlineDefinitionsTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task The_first_sweep_after_a_long_pause_in_service_never_announces_a_passed_deadline_as_coming()
    {
        app.Clock.Reset();
        var id = await app.CaseIn("accepted");
        var handle = (await app.Get(As.Dispatcher, id)).GetProperty("deadlines").At("handle");

        // The service was down (or migrating) from before the warning until long after the deadline.
        app.Clock.Now = handle.AddDays(20);
        await Sweep();

        var steps = await Steps(id);
        steps.ShouldContain(EscalationStep.Overdue);
        steps.ShouldNotContain(EscalationStep.Warning);
        var timeline = (await app.Get(As.Dispatcher, id)).GetProperty("timeline").EnumerateArray().Select(t => t.Str("summary")!).ToList();
        timeline.ShouldNotContain(s => s.StartsWith("预警", StringComparison.Ordinal));
        timeline.ShouldContain(s => s.StartsWith("超期", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Due_soon_starts_at_the_policys_warning_time_not_at_24_hours()
    {
        app.Clock.Reset();
        // A visit follows the petition track, whose policy warns 72 hours ahead; the case waits in the queue on its accept deadline.
        var id = await app.LogId(app.NewIntake() with { Channel = "visit", CategoryCode = "GBZF-ZF" });
        var deadlines = (await app.Get(As.Dispatcher, id)).GetProperty("deadlines");
        var current = deadlines.At("current");
        var warnBefore = TimeSpan.FromHours(deadlines.GetProperty("warnBeforeHours").GetInt32());
        warnBefore.ShouldBeGreaterThan(TimeSpan.FromHours(24));

        app.Clock.Now = current - warnBefore - TimeSpan.FromHours(1);
        (await Row(id)).GetProperty("dueSoon").GetBoolean().ShouldBeFalse();
        (await app.Get(As.Dispatcher, id)).GetProperty("deadlines").GetProperty("dueSoon").GetBoolean().ShouldBeFalse();

        app.Clock.Now = current - warnBefore + TimeSpan.FromHours(1); // more than 24 hours ahead, inside the policy's warning
        (await Row(id)).GetProperty("dueSoon").GetBoolean().ShouldBeTrue();
        (await app.Get(As.Dispatcher, id)).GetProperty("deadlines").GetProperty("dueSoon").GetBoolean().ShouldBeTrue();

        app.Clock.Now = current.AddMinutes(1);
        var late = await Row(id);
        late.GetProperty("dueSoon").GetBoolean().ShouldBeFalse();
        late.GetProperty("overdue").GetBoolean().ShouldBeTrue();
    }

    private async Task<JsonElement> Row(long id) =>
        (await app.GetJson(As.Dispatcher, "/api/cases?pageSize=100")).GetProperty("items").EnumerateArray().Single(i => i.Id() == id);

    private async Task Sweep() => await app.Services.GetRequiredService<IJobScheduler>().RunNowAsync(EscalationSweep.JobId, default);

    private async Task<List<EscalationStep>> Steps(long caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Escalations.Where(e => e.CaseId == caseId).OrderBy(e => e.Step).Select(e => e.Step).ToListAsync();
    }
}
