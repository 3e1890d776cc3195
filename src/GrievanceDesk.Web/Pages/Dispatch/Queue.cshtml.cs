using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Dispatch;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Dispatch;

/// <summary>
/// 派单队列: undispatched and returned cases, nearest deadline first, each with the unit the routing rules suggest and a
/// one-click dispatch. A refusal (the conflict guard 回避, a case changed meanwhile) is shown on the row.
/// </summary>
[Authorize(Roles = Roles.Dispatcher)]
public sealed class QueueModel(ISender sender, TimeProvider clock) : UiPageModel
{
    public const int PageSize = 50;

    public sealed class DispatchForm
    {
        public long CaseId { get; set; }
        public int? Version { get; set; }
        public string? UnitCode { get; set; }
        public string? Note { get; set; }
    }

    public PagedResult<CaseListItemDto> Queue { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyDictionary<int, string> CategoryNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<int, string> RegionNames { get; private set; } = new Dictionary<int, string>();

    /// <summary>
    /// Per case: the suggested unit (the routing rule's, after the conflict guard, never a unit that returned it), the
    /// units excluded and why, and the case's returns.
    /// </summary>
    public IReadOnlyDictionary<long, DispatchSuggestionDto> Suggestions { get; private set; } = new Dictionary<long, DispatchSuggestionDto>();

    /// <summary>The form that failed, to show its values and errors again.</summary>
    public DispatchForm? Posted { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostDispatchAsync([Bind(Prefix = "Dispatch")] DispatchForm form, CancellationToken ct)
    {
        var ok = await Attempt<DispatchForm>(FormOf(form.CaseId), "Dispatch", async () =>
        {
            var dispatched = await sender.Send(new DispatchCase(form.CaseId, form.UnitCode ?? string.Empty, null, string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(), form.Version), ct);
            Flash = $"{dispatched.TrackingNo} 已派至 {dispatched.Unit?.Name}" + (dispatched.CadreUserName is { } cadre ? $"，承办人 {dispatched.CadreName ?? cadre}。" : "。");
        });
        if (ok)
        {
            return RedirectToPage(new { p = PageNo });
        }

        Posted = form;
        await Load(ct);
        return Page();
    }

    public static string FormOf(long caseId) => $"dispatch-{caseId}";

    private async Task Load(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Queue = await sender.Send(new ListCases(Status: CaseStatus.Registered, Page: Math.Max(1, PageNo), PageSize: PageSize, Sort: CaseSort.Due), ct);
        Units = (await sender.Send(new ListUnits(), ct)).Where(u => u.IsActive).ToList();
        var categories = await sender.Send(new ListCategories(), ct);
        var regions = await sender.Send(new ListRegions(), ct);
        CategoryNames = categories.ToDictionary(c => c.Id, c => c.ParentId is { } p && categories.FirstOrDefault(x => x.Id == p) is { } top ? $"{top.Name}/{c.Name}" : c.Name);
        RegionNames = regions.ToDictionary(r => r.Id, r => r.Name);

        // The rule (conflict guard, returns) is the domain's; the page only shows it.
        Suggestions = await sender.Send(new SuggestDispatchUnits(Queue.Items.Select(c => c.Id).ToList()), ct);
    }
}
