using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>系统管理: the reference data at a glance, the recurring jobs (run one now) and the Hangfire dashboard.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class IndexModel(ISender sender) : UiPageModel
{
    public int Users { get; private set; }
    public int LockedOut { get; private set; }
    public int Units { get; private set; }
    public int Categories { get; private set; }
    public int Regions { get; private set; }
    public int Rules { get; private set; }
    public int Policies { get; private set; }
    public IReadOnlyList<JobDto> Jobs { get; private set; } = [];
    public HolidayCoverageDto Coverage { get; private set; } = new([], [], null);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostTriggerAsync(string jobId, CancellationToken ct)
    {
        if (await Attempt<object>("job-" + jobId, string.Empty, async () =>
            {
                var run = await sender.Send(new TriggerJob(jobId), ct);
                Flash = $"已执行“{run.DisplayName}”：{run.Result.Summary}";
            }))
        {
            return RedirectToPage();
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        var users = await sender.Send(new ListUsers(), ct);
        Users = users.Count;
        LockedOut = users.Count(u => u.IsLockedOut);
        Units = (await sender.Send(new ListUnits(), ct)).Count;
        Categories = (await sender.Send(new ListCategories(), ct)).Count;
        Regions = (await sender.Send(new ListRegions(), ct)).Count;
        Rules = (await sender.Send(new ListRoutingRules(), ct)).Count;
        Policies = (await sender.Send(new ListSlaPolicies(), ct)).Count;
        Jobs = await sender.Send(new ListJobs(), ct);
        Coverage = await sender.Send(new GetHolidayCoverage(), ct);
    }
}
