using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Escalation;

public sealed class EscalationFactory : GrievanceDeskFactory
{
    public MutableTimeProvider Clock { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>docs/product.md §4: warning → overdue → supervision → leader supervision, each step once per case and deadline.</summary>
public sealed class EscalationTests(EscalationFactory app) : IClassFixture<EscalationFactory>
{
    [Fact]
    public async Task A_case_nobody_signs_for_climbs_the_ladder_once_per_step_however_often_and_concurrently_the_sweep_runs()
    {
        app.Clock.Reset();
        var desk = await app.SignedIn(As.FrontDesk);
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = app.Clock.Now,
            anonymous = false,
            complainants = new[] { new { name = "李四", phone = "13912345678" } },
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路8号",
            subject = "楼道堆物物业不清理",
            content = "楼道堆满杂物存在消防隐患",
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetInt64();
        var deadline = created.GetProperty("deadlines").GetProperty("accept").GetDateTimeOffset().UtcDateTime;
        deadline.ShouldBe(app.Clock.Now.UtcDateTime.AddHours(24), TimeSpan.FromSeconds(1)); // hotline: sign within 24 hours
        var (terms, calendar) = await TermsAndCalendar(caseId);

        // Not yet: 5 hours before the deadline (the hotline warns 4 hours ahead).
        app.Clock.Now = deadline.AddHours(-5);
        await Sweep(5);
        (await Steps(caseId)).ShouldBeEmpty();

        app.Clock.Now = deadline.AddHours(-3);
        await Sweep(5);
        (await Steps(caseId)).ShouldBe([EscalationStep.Warning]);
        (await Messages(caseId, NotificationTemplates.DeadlineWarning)).ShouldBe(["internal:cadre1", "internal:unitleader1"]);

        app.Clock.Now = deadline.AddMinutes(1);
        await Sweep(5);
        (await Steps(caseId)).ShouldBe([EscalationStep.Warning, EscalationStep.Overdue]);
        (await Messages(caseId, NotificationTemplates.DeadlineOverdue)).ShouldBe(["internal:unitleader1"]);

        var supervisionDue = EscalationSchedule.DueAt(EscalationStep.Supervision, deadline, terms, calendar);
        app.Clock.Now = supervisionDue.AddSeconds(-1);
        await Sweep(2);
        (await Steps(caseId)).Count.ShouldBe(2);
        app.Clock.Now = supervisionDue.AddSeconds(1);
        await Sweep(5);
        (await Steps(caseId)).ShouldBe([EscalationStep.Warning, EscalationStep.Overdue, EscalationStep.Supervision]);

        // Two sweeps at once, each with its own scope and DbContext on the same database: still one leader supervision.
        app.Clock.Now = EscalationSchedule.DueAt(EscalationStep.LeaderSupervision, deadline, terms, calendar).AddMinutes(1);
        var scheduler = app.Services.GetRequiredService<IJobScheduler>();
        await Task.WhenAll(scheduler.RunNowAsync(EscalationSweep.JobId, default), scheduler.RunNowAsync(EscalationSweep.JobId, default));
        await Sweep(5);
        (await Steps(caseId)).ShouldBe([EscalationStep.Warning, EscalationStep.Overdue, EscalationStep.Supervision, EscalationStep.LeaderSupervision]);
        (await Messages(caseId, NotificationTemplates.LeaderSupervision)).ShouldBe(["internal:leader"]);
        (await Messages(caseId, NotificationTemplates.DeadlineWarning)).Count.ShouldBe(2);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var @case = await db.Cases.Include(c => c.SupervisionOrders).Include(c => c.Timeline).SingleAsync(c => c.Id == caseId);
        @case.SupervisionOrders.Select(o => o.Source).ShouldBe([SupervisionSource.Escalation, SupervisionSource.LeaderEscalation]);
        @case.Timeline.Count(t => t.Action.Contains("escalat", StringComparison.Ordinal) || t.Summary.Contains("督办", StringComparison.Ordinal) || t.Summary.Contains("预警", StringComparison.Ordinal) || t.Summary.Contains("超期", StringComparison.Ordinal))
            .ShouldBe(4);
    }

    [Fact]
    public async Task A_paused_case_is_not_escalated_and_an_accepted_case_is_held_to_its_new_handle_deadline()
    {
        app.Clock.Reset();
        var desk = await app.SignedIn(As.FrontDesk);
        var cadre = await app.SignedIn("cadre1");
        var created = await (await desk.PostAsJsonAsync("/api/cases", new
        {
            channel = "call",
            kind = "claim",
            urgency = "normal",
            receivedAt = app.Clock.Now,
            anonymous = false,
            complainants = new[] { new { name = "王五", phone = "13712345678" } },
            headCount = 1,
            categoryCode = "CSJS-WYGL",
            regionCode = "QH-XH-HB",
            address = "湖滨路9号",
            subject = "电梯异响",
            content = "电梯运行时有异响",
        })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetInt64();
        var accepted = await (await cadre.PostAsync($"/api/cases/{caseId}/accept", null)).ShouldBeOk<JsonElement>();
        var handleDeadline = accepted.GetProperty("deadlines").GetProperty("handle").GetDateTimeOffset().UtcDateTime;

        app.Clock.Now = created.GetProperty("deadlines").GetProperty("accept").GetDateTimeOffset().UtcDateTime.AddHours(1);
        await Sweep(2);
        (await Steps(caseId)).ShouldBeEmpty(); // the accept deadline no longer applies once accepted

        app.Clock.Now = handleDeadline.AddDays(1);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsPaused, true));
        }

        await Sweep(2);
        (await Steps(caseId)).ShouldBeEmpty();
    }

    private async Task Sweep(int times)
    {
        var scheduler = app.Services.GetRequiredService<IJobScheduler>();
        for (var i = 0; i < times; i++)
        {
            await scheduler.RunNowAsync(EscalationSweep.JobId, default);
        }
    }

    private async Task<List<EscalationStep>> Steps(long caseId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Escalations.Where(e => e.CaseId == caseId).OrderBy(e => e.Id).Select(e => e.Step).ToListAsync();
    }

    private async Task<List<string>> Messages(long caseId, string template)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await db.OutboxMessages.Where(m => m.CaseId == caseId && m.Template == template).Select(m => m.Channel + ":" + m.Recipient).ToListAsync())
            .Order(StringComparer.Ordinal).ToList();
    }

    private async Task<(SlaTerms Terms, WorkingCalendar Calendar)> TermsAndCalendar(long caseId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policyId = await db.Cases.Where(c => c.Id == caseId).Select(c => c.SlaPolicyId).SingleAsync();
        var policy = await db.SlaPolicies.SingleAsync(p => p.Id == policyId);
        return (policy.Terms, new WorkingCalendar(await db.Holidays.ToListAsync()));
    }
}
