using System.Globalization;
using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Supervision;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Leader;

/// <summary>
/// 领导驾驶舱: the docs/product.md §5 figures for a chosen period (GET /api/stats's query), charts of the trend, channels and
/// categories, the unit ranking (红黑榜), the overdue and escalated cases with a supervision order at hand, and the
/// weekly briefing archive with its PDFs.
/// </summary>
[Authorize(Roles = Roles.Leader)]
public sealed class DashboardModel(ISender sender, TimeProvider clock) : UiPageModel
{
    public const int TrendWeeks = 8;
    public const int Listed = 12;

    public sealed record TrendPoint(string Label, int Received, int Closed, int Overdue);

    public sealed record Escalated(CaseDetailDto Case, SupervisionOrderDto Latest);

    public sealed class SuperviseForm
    {
        public long CaseId { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public DateOnly Today { get; private set; }
    public StatsReportDto? Stats { get; private set; }
    public IReadOnlyList<(string Label, int Value)> Channels { get; private set; } = [];
    public IReadOnlyList<(string Label, int Value)> Categories { get; private set; } = [];
    public IReadOnlyList<StatsGroupDto> Ranking { get; private set; } = [];
    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];
    public IReadOnlyList<CaseListItemDto> Overdue { get; private set; } = [];
    public int OverdueTotal { get; private set; }
    public IReadOnlyList<Escalated> EscalatedCases { get; private set; } = [];
    public IReadOnlyList<ArchivedBriefingDto> Briefings { get; private set; } = [];
    public BriefingWeek LastWeek { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public SuperviseForm? Posted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>The PDF of an ISO week (<c>w</c> as 2026-W47, or year and week).</summary>
    public async Task<IActionResult> OnGetBriefingAsync(int? year, int? week, string? w, CancellationToken ct)
    {
        if (w is { Length: > 0 } && TryParseWeek(w, out var y, out var n))
        {
            (year, week) = (y, n);
        }

        BriefingPdf? pdf = null;
        if (year is { } yy && week is { } ww && await Attempt<object>("briefing", string.Empty, async () => pdf = await sender.Send(new GetWeeklyBriefing(yy, ww), ct)))
        {
            return File(pdf!.Content, BriefingPdf.ContentType, pdf.FileName);
        }

        if (year is null || week is null)
        {
            Refuse("briefing", "请选择要下载简报的周次。");
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSuperviseAsync([Bind(Prefix = "Supervise")] SuperviseForm form, CancellationToken ct)
    {
        var ok = await Attempt<SuperviseForm>($"supervise-{form.CaseId}", "Supervise", async () =>
        {
            var c = await sender.Send(new IssueSupervision(form.CaseId, form.Note ?? string.Empty), ct);
            Flash = $"已向{c.Unit?.Name ?? "承办单位"}下发督办单：{c.TrackingNo}。";
        });
        if (ok)
        {
            return RedirectToPage(new { from = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        }

        Posted = form;
        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Today = ChinaTime.DateOf(Now.UtcDateTime);
        LastWeek = BriefingWeek.Containing(Today).Previous;
        To ??= Today;
        From ??= To.Value.AddDays(-29);

        // The period's own binding errors (a date that is not one) stop the figures; a failed supervision form does not.
        var periodBound = ModelState.GetFieldValidationState(nameof(From)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && ModelState.GetFieldValidationState(nameof(To)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;
        var ok = periodBound && await TrySend<DashboardModel>("period", string.Empty, async () =>
        {
            Stats = await sender.Send(new GetStats(From, To, null), ct);
            var channels = await sender.Send(new GetStats(From, To, "channel"), ct);
            Channels = channels.Groups.Where(g => g.Code is not null).Select(g => (g.Name, g.Figures.Received)).ToList();

            var categories = await sender.Send(new ListCategories(), ct);
            var topOf = categories.ToDictionary(c => c.Id, c => c.ParentId is { } p ? categories.First(x => x.Id == p).Name : c.Name);
            Categories = (await sender.Send(new GetStats(From, To, "category"), ct)).Groups
                .Where(g => g.Id is { } id && topOf.ContainsKey(id))
                .GroupBy(g => topOf[g.Id!.Value])
                .Select(g => (g.Key, g.Sum(x => x.Figures.Received)))
                .Where(x => x.Item2 > 0)
                .OrderByDescending(x => x.Item2)
                .Take(8)
                .ToList();

            Ranking = (await sender.Send(new GetStats(From, To, "unit"), ct)).Groups.Where(g => g.Ranked).OrderBy(g => g.Rank).ToList();
        });
        if (!ok)
        {
            return;
        }

        var trend = new List<TrendPoint>();
        var week = BriefingWeek.Containing(To!.Value);
        var weeks = new List<BriefingWeek> { week };
        while (weeks.Count < TrendWeeks)
        {
            weeks.Insert(0, weeks[0].Previous);
        }

        foreach (var w in weeks)
        {
            var figures = (await sender.Send(new GetStats(w.Monday, w.Sunday, null), ct)).Total;
            trend.Add(new TrendPoint($"第{w.Week}周", figures.Received, figures.Closed, figures.Overdue));
        }

        Trend = trend;

        var overdue = await sender.Send(new ListCases(Overdue: true, PageSize: Listed, Sort: CaseSort.Due), ct);
        Overdue = overdue.Items;
        OverdueTotal = overdue.Total;
        var escalated = new List<Escalated>();
        foreach (var item in overdue.Items)
        {
            var detail = await sender.Send(new GetCase(item.Id), ct);
            if (detail.SupervisionOrders.Count > 0)
            {
                escalated.Add(new Escalated(detail, detail.SupervisionOrders[^1]));
            }
        }

        EscalatedCases = escalated;
        Briefings = await sender.Send(new ListBriefings(), ct);
    }

    private static bool TryParseWeek(string text, out int year, out int week)
    {
        year = week = 0;
        var parts = text.Split("-W", StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out week);
    }
}
