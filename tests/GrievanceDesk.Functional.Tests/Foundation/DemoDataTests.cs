using System.Globalization;
using System.Net;
using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>The app as `dotnet run` starts it in demo mode: the demo users and the 400 demo cases.</summary>
public sealed class DemoDataFactory : GrievanceDeskFactory
{
    public const int Cases = 400;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Demo:Cases", Cases.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>The demo data looks like an office's: a past that happened over weeks, repeats and merges, people in every unit.</summary>
public sealed class DemoDataTests(DemoDataFactory app) : IClassFixture<DemoDataFactory>
{
    private static string Week(DateTime utc) => BriefingWeek.At(utc).ToString();

    [Fact]
    public async Task Escalations_happened_over_the_weeks_they_fell_due_not_at_the_first_sweep()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var steps = await db.Escalations.AsNoTracking().ToListAsync();
        var orders = await db.Cases.AsNoTracking().SelectMany(c => c.SupervisionOrders).ToListAsync();
        var warnings = await db.Cases.AsNoTracking().SelectMany(c => c.Timeline)
            .Where(t => t.Action == TimelineActions.DeadlineWarning).Select(t => t.AtUtc).ToListAsync();

        steps.Select(s => Week(s.AtUtc)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        steps.Where(s => s.Step == EscalationStep.Supervision).Select(s => Week(s.AtUtc)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        orders.Select(o => Week(o.IssuedAtUtc)).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);
        warnings.Select(Week).Distinct().Count().ShouldBeGreaterThanOrEqualTo(3);

        // The first sweep after the seed finds the ladder already climbed: it has (almost) nothing left to take.
        var admin = await app.SignedIn(As.Admin);
        (await admin.PostAsync($"/api/admin/jobs/{EscalationSweep.JobId}/trigger", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterSweep = await db.Escalations.CountAsync();
        (afterSweep - steps.Count).ShouldBeLessThanOrEqualTo(steps.Count / 50, "the seed took the steps at the instants they fell due");
    }

    [Fact]
    public async Task Repeats_and_merges_are_made_by_the_aggregate()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var repeats = await db.Cases.AsNoTracking().Where(c => c.IsRepeat && c.RepeatOfCaseId != null).CountAsync();
        var merged = await db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Merged && c.MergedIntoCaseId != null).CountAsync();
        var timeline = await db.Cases.AsNoTracking().SelectMany(c => c.Timeline).Select(t => t.Action).Distinct().ToListAsync();

        repeats.ShouldBeGreaterThanOrEqualTo(1);
        merged.ShouldBeGreaterThanOrEqualTo(1);
        timeline.ShouldContain(TimelineActions.MarkedRepeat);
        timeline.ShouldContain(TimelineActions.Merged);
        timeline.ShouldContain(TimelineActions.MergeReceived);
    }

    [Fact]
    public async Task Every_unit_holding_a_case_has_an_active_cadre_and_a_unit_leader()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var holding = await db.Cases.AsNoTracking().Where(c => c.UnitId != null).Select(c => c.UnitId!.Value).Distinct().ToListAsync();
        var cadres = (await users.GetUsersInRoleAsync(Roles.Cadre)).Where(u => u.IsActive && u.UnitId is not null).Select(u => u.UnitId!.Value).ToHashSet();
        var leaders = (await users.GetUsersInRoleAsync(Roles.UnitLeader)).Where(u => u.IsActive && u.UnitId is not null).Select(u => u.UnitId!.Value).ToHashSet();

        holding.Count.ShouldBeGreaterThan(5);
        holding.ShouldAllBe(unit => cadres.Contains(unit));
        holding.ShouldAllBe(unit => leaders.Contains(unit));
    }

    [Fact]
    public async Task Last_weeks_briefing_has_something_in_every_section()
    {
        var week = BriefingWeek.At(DateTime.UtcNow).Previous;
        var response = await (await app.SignedIn(As.Leader)).GetAsync($"/api/briefings/weekly/{week.Year}/{week.Week}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));

        text.ShouldContain("属地（街道）");
        text.ShouldContain("件数不足（不参与排名）：区");
        text.ShouldContain("名次承办单位");
        Between(text, "（三）本周督办单", "六、").ShouldNotContain("本周无");
        Between(text, "七、集体访", "八、").ShouldContain("本周集体访");
        Between(text, "八、不满意回访", "九、").ShouldNotContain("本周无");
        Between(text, "（二）超期最久的", "（三）").ShouldNotContain("本周无");
        text.ShouldNotContain("重复访 0 件");

        static string Between(string text, string from, string to)
        {
            var start = text.IndexOf(from, StringComparison.Ordinal);
            start.ShouldBeGreaterThanOrEqualTo(0, from);
            var end = text.IndexOf(to, start + from.Length, StringComparison.Ordinal);
            return text[start..(end < 0 ? text.Length : end)];
        }
    }
}
