using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>节假日: the official holidays and make-up working days (调休上班) that every working-day deadline counts with.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class HolidaysModel(ISender sender, TimeProvider clock) : UiPageModel
{
    public sealed class DayForm
    {
        public DateOnly? Date { get; set; }
        public CalendarDayKind Kind { get; set; } = CalendarDayKind.Holiday;
        public string? Name { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public DayForm Input { get; set; } = new();

    public IReadOnlyList<HolidayDto> Days { get; private set; } = [];

    public HolidayCoverageDto Coverage { get; private set; } = new([], [], null);

    /// <summary>A year's arrangement pasted as text (批量录入).</summary>
    [BindProperty]
    public string? Arrangement { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        if (Input.Date is null)
        {
            ModelState.AddModelError("Input.Date", "请选择日期。");
        }

        if (await Attempt<DayForm>("day", "Input", () => sender.Send(new SetHoliday(Input.Date!.Value, Input.Kind, Input.Name?.Trim() ?? string.Empty), ct).AsTask()))
        {
            Flash = $"已设置 {Input.Date:yyyy-MM-dd} 为{UiText.Name(Input.Kind)}（{Input.Name}）。";
            return RedirectToPage(new { year = Input.Date!.Value.Year });
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken ct)
    {
        if (await Attempt<object>("remove-" + date.DayNumber, string.Empty, () => sender.Send(new RemoveHoliday(date), ct).AsTask()))
        {
            Flash = $"{date:yyyy-MM-dd} 已恢复为普通日期。";
            return RedirectToPage(new { year = date.Year });
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var year = Year ??= ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).Year;
        if (await Attempt<object>("import", string.Empty, async () =>
            {
                var days = await sender.Send(new ImportHolidayYear(year, Arrangement ?? string.Empty), ct);
                Flash = $"已录入{year}年节假日安排，共{days.Count}天；在办案件的期限已按新安排重算。";
            }))
        {
            return RedirectToPage(new { year });
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProvisionalAsync(CancellationToken ct)
    {
        var year = Year ??= ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).Year;
        if (await Attempt<object>("provisional", string.Empty, async () =>
            {
                var days = await sender.Send(new AddProvisionalHolidays(year), ct);
                Flash = $"已添加{year}年法定节日（暂定）{days.Count}天，待国务院公布全年安排后请录入确认。";
            }))
        {
            return RedirectToPage(new { year });
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Coverage = await sender.Send(new GetHolidayCoverage(), ct);
        Year ??= ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).Year;
        Days = await sender.Send(new ListHolidays(Year), ct);
    }
}
