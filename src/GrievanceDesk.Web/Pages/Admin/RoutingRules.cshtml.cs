using GrievanceDesk.Application.Cases.Dispatch;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>派单规则: (category?, region?) → unit; category+region beats category beats region; no match → the queue.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class RoutingRulesModel(ISender sender) : UiPageModel
{
    public sealed class RuleForm
    {
        public int? CategoryId { get; set; }
        public int? RegionId { get; set; }
        public int UnitId { get; set; }
        public string? Note { get; set; }
        public bool IsActive { get; set; } = true;
    }

    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public RuleForm Input { get; set; } = new();

    public IReadOnlyList<RoutingRuleDto> Rules { get; private set; } = [];
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public IReadOnlyList<RegionDto> Regions { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    /// <summary>退单 per rule: how often a unit said "not ours" to a case this rule sent it.</summary>
    public IReadOnlyDictionary<int, int> Returns { get; private set; } = new Dictionary<int, int>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        if (Edit is { } id)
        {
            if (Rules.FirstOrDefault(r => r.Id == id) is not { } rule)
            {
                return NotFound();
            }

            Input = new RuleForm { CategoryId = rule.CategoryId, RegionId = rule.RegionId, UnitId = rule.UnitId, Note = rule.Note, IsActive = rule.IsActive };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
        if (await Attempt<RuleForm>("rule", "Input", async () =>
            {
                if (Edit is { } id)
                {
                    await sender.Send(new UpdateRoutingRule(id, Input.CategoryId, Input.RegionId, Input.UnitId, note, Input.IsActive), ct);
                }
                else
                {
                    await sender.Send(new CreateRoutingRule(Input.CategoryId, Input.RegionId, Input.UnitId, note), ct);
                }
            }))
        {
            Flash = "已保存派单规则。";
            return RedirectToPage(new { edit = (int?)null });
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await Attempt<object>("delete-" + id, string.Empty, () => sender.Send(new DeleteRoutingRule(id), ct).AsTask()))
        {
            Flash = "已删除派单规则。";
            return RedirectToPage(new { edit = (int?)null });
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Rules = await sender.Send(new ListRoutingRules(), ct);
        Categories = await sender.Send(new ListCategories(), ct);
        Regions = await sender.Send(new ListRegions(), ct);
        Units = await sender.Send(new ListUnits(), ct);
        Returns = await sender.Send(new CountReturnsByRoutingRule(), ct);
    }
}
