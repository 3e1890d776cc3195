using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Web.Endpoints;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GrievanceDesk.Web.Pages;

/// <summary>
/// 办理进度查询 (阳光信访): the complainant's page, no sign-in. Tracking number and query code open the status, the unit,
/// the deadlines and the public replies — nothing personal (the same TrackCase query as GET /api/track). Rate limited.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicTracking)]
public sealed class TrackModel(ISender sender) : UiPageModel
{
    public sealed class TrackForm
    {
        public string? TrackingNo { get; set; }
        public string? Code { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public TrackForm Input { get; set; } = new();

    public TrackingDto? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.TrackingNo) && string.IsNullOrWhiteSpace(Input.Code) && !Request.Query.ContainsKey("Input.TrackingNo"))
        {
            return; // the empty page, first visit
        }

        // A query without both parts says what to enter, beside the field.
        if (string.IsNullOrWhiteSpace(Input.TrackingNo))
        {
            ModelState.AddModelError("Input.TrackingNo", "请输入件号（登记时告知您的编号，如 GD20261122-0007）。");
        }

        if (string.IsNullOrWhiteSpace(Input.Code))
        {
            ModelState.AddModelError("Input.Code", "请输入查询码（登记时短信发送给您的6位数字）。");
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        await Attempt<TrackForm>("track", "Input", async () =>
            Result = await sender.Send(new TrackCase(Input.TrackingNo?.Trim() ?? string.Empty, Input.Code?.Trim()), ct));
    }
}
