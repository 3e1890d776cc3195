using GrievanceDesk.Application.Auth;
using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Unit;

/// <summary>
/// 本单位案件: the unit's inbox for cadres and unit leaders, nearest deadline first, with 临期/超期 marks and a count per
/// state. The list is the unit's only: ListCases scopes a unit's staff to their unit.
/// </summary>
[Authorize(Roles = $"{Roles.Cadre},{Roles.UnitLeader}")]
public sealed class InboxModel(ISender sender, TimeProvider clock) : UiPageModel
{
    public const int PageSize = 30;

    /// <summary>The states a unit works in, in the order of the case's life.</summary>
    public static readonly CaseStatus[] Tabs =
    [
        CaseStatus.Dispatched, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Reopened,
        CaseStatus.Resolved, CaseStatus.FeedbackGiven, CaseStatus.Closed,
    ];

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Overdue { get; set; }

    /// <summary>我的: the cases assigned to the signed-in cadre.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    /// <summary>待审批: extensions and pauses waiting for the unit leader (unit leaders only).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Pending { get; set; }

    public int MineCount { get; private set; }
    public int PendingCount { get; private set; }
    public bool IsUnitLeader => User.IsInRole(Roles.UnitLeader);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNo { get; set; } = 1;

    public PagedResult<CaseListItemDto> Result { get; private set; } = new([], 0, 1, PageSize);
    public Dictionary<CaseStatus, string> Counts { get; } = [];
    public string OverdueCount { get; private set; } = "0";
    public string AllCount { get; private set; } = "0";
    public MeResponse? Me { get; private set; }
    public IReadOnlyDictionary<int, string> CategoryNames { get; private set; } = new Dictionary<int, string>();
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Me = await sender.Send(new GetMe(), ct);
        CategoryNames = (await sender.Send(new ListCategories(), ct)).ToDictionary(c => c.Id, c => c.Name);
        var me = Me.UserName;
        Pending &= IsUnitLeader;
        Result = await sender.Send(new ListCases(Status: Status, Overdue: Overdue, Page: Math.Max(1, PageNo), PageSize: PageSize, Sort: CaseSort.Due,
            Cadre: Mine ? me : null, AwaitingDecision: Pending), ct);
        MineCount = (await sender.Send(new ListCases(PageSize: 1, Cadre: me), ct)).Total;
        PendingCount = IsUnitLeader ? (await sender.Send(new ListCases(PageSize: 1, AwaitingDecision: true), ct)).Total : 0;
        foreach (var status in Tabs)
        {
            Counts[status] = (await sender.Send(new ListCases(Status: status, PageSize: 1), ct)).TotalText;
        }

        OverdueCount = (await sender.Send(new ListCases(Overdue: true, PageSize: 1), ct)).TotalText;
        AllCount = (await sender.Send(new ListCases(PageSize: 1), ct)).TotalText;
    }
}
