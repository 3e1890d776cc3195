using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Application.ReferenceData;

/// <summary>Whether the holiday table reaches <see cref="CalendarCoverage.DaysAhead"/> days ahead; <see cref="Warning"/> is null when it does.</summary>
public sealed record HolidayCoverageDto(IReadOnlyList<int> MissingYears, IReadOnlyList<int> ProvisionalYears, string? Warning)
{
    public bool IsCovered => MissingYears.Count == 0;
}

/// <summary>The coverage check of the holiday table (admin pages, /health/ready, the daily log warning).</summary>
public sealed record GetHolidayCoverage : IQuery<HolidayCoverageDto>;

public sealed class HolidayCoverageHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetHolidayCoverage, HolidayCoverageDto>
{
    public async ValueTask<HolidayCoverageDto> Handle(GetHolidayCoverage query, CancellationToken ct)
    {
        var days = await db.Holidays.AsNoTracking().Select(d => new { d.Date, d.IsProvisional }).ToListAsync(ct);
        var byYear = days.GroupBy(d => d.Date.Year).ToList();
        var today = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime);
        var missing = CalendarCoverage.MissingYears(byYear.Select(g => g.Key), today);
        var provisional = CalendarCoverage.ProvisionalYears(byYear.Where(g => g.All(d => d.IsProvisional)).Select(g => g.Key), today);
        string? warning = null;
        if (missing.Count > 0)
        {
            var years = string.Join("、", missing.Select(y => $"{y}年"));
            warning = $"节假日安排未覆盖未来{CalendarCoverage.DaysAhead}天：缺少{years}的放假安排，这些日期将按普通周末计算（如{missing[0]}年1月1日会被当作工作日），期限会算错。" +
                      "请录入国务院办公厅公布的放假安排，或先添加法定节日（暂定）。";
        }
        else if (provisional.Count > 0)
        {
            warning = $"{string.Join("、", provisional.Select(y => $"{y}年"))}的节假日仅有暂定的法定节日，待国务院办公厅公布全年安排后请录入确认。";
        }

        return new HolidayCoverageDto(missing, provisional, warning);
    }
}

/// <summary>
/// 节假日覆盖检查: once a day, a log warning while the holiday table does not cover the next 90 days (the admin pages and
/// /health/ready say the same at any time).
/// </summary>
public sealed class HolidayCoverageJob(ISender sender, ILogger<HolidayCoverageJob> log) : IRecurringJob
{
    public const string JobId = "holiday-coverage";

    public string Id => JobId;

    public string DisplayName => "节假日覆盖检查";

    public async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var coverage = await sender.Send(new GetHolidayCoverage(), ct);
        if (!coverage.IsCovered)
        {
            log.LogWarning("The holiday calendar does not cover the next {Days} days: no entries for {Years}. {Warning}",
                CalendarCoverage.DaysAhead, string.Join(", ", coverage.MissingYears), coverage.Warning);
        }

        return JobResult.Of(coverage.Warning ?? "节假日安排已覆盖未来90天", ("missingYears", coverage.MissingYears.Count), ("provisionalYears", coverage.ProvisionalYears.Count));
    }
}

/// <summary>
/// After a change to the holiday table: every open case whose running deadlines the change can affect (a deadline on or
/// after the earliest changed date) has them counted again with the new calendar (<see cref="Case.RecomputeDeadlines"/>).
/// Runs inside the admin's command, so the change and the recomputation commit together.
/// </summary>
public sealed class DeadlineRecomputation(IAppDbContext db, IBusinessCalendarSource calendars, CaseStore store, TimeProvider clock)
{
    /// <returns>How many cases had a deadline moved.</returns>
    public async Task<int> RecomputeAsync(DateOnly earliestChange, string why, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct); // the change itself, so that the calendar below reads it
        calendars.Invalidate();
        var calendar = new WorkingCalendar(await db.Holidays.AsNoTracking().ToListAsync(ct));
        var terms = (await db.SlaPolicies.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.Id, p => p.Terms);
        var from = ChinaTime.StartOfDayUtc(earliestChange);
        var cases = await db.Cases
            .Where(CaseStates.Open)
            .Where(c => c.AcceptDeadlineUtc >= from || c.ContactDeadlineUtc >= from || c.HandleDeadlineUtc >= from || c.FeedbackDeadlineUtc >= from)
            .Include(c => c.Pauses)
            .Include(c => c.Extensions)
            .AsSplitQuery()
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = cases.Count(c => c.RecomputeDeadlines(why, new CaseContext(now, store.Actor, calendar, terms[c.SlaPolicyId])));
        await db.SaveChangesAsync(ct);
        return moved;
    }
}
