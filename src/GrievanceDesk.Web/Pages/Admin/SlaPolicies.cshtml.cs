using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>时限规则: per track, category (inherited down the tree) and urgency, the period of each stage and the ladder.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class SlaPoliciesModel(ISender sender) : UiPageModel
{
    public sealed class Period
    {
        public int? Amount { get; set; }
        public DurationUnit Unit { get; set; } = DurationUnit.WorkingDays;

        public static Period Of(SlaDuration? d) => d is { } v ? new Period { Amount = v.Amount, Unit = v.Unit } : new Period();

        public SlaDuration ToDuration() => new(Amount ?? 0, Unit);
    }

    public sealed class PolicyForm
    {
        public string? Name { get; set; }
        public SlaTrack Track { get; set; }
        public int? CategoryId { get; set; }
        public Urgency? Urgency { get; set; }
        public Period Accept { get; set; } = new();
        public Period Contact { get; set; } = new();
        public Period Handle { get; set; } = new();
        public Period Feedback { get; set; } = new();
        public int MaxExtensionDays { get; set; }
        public DurationUnit ExtensionUnit { get; set; } = DurationUnit.CalendarDays;
        public int WarnBeforeHours { get; set; } = 24;
        public int SupervisionAfterWorkingDays { get; set; } = 3;
        public int LeaderSupervisionAfterWorkingDays { get; set; } = 10;
        public bool IsActive { get; set; } = true;
    }

    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public PolicyForm Input { get; set; } = new();

    public IReadOnlyList<SlaPolicyDto> Policies { get; private set; } = [];
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        if (Edit is { } id)
        {
            if (Policies.FirstOrDefault(p => p.Id == id) is not { } p)
            {
                return NotFound();
            }

            Input = new PolicyForm
            {
                Name = p.Name,
                Track = p.Track,
                CategoryId = p.CategoryId,
                Urgency = p.Urgency,
                Accept = Period.Of(p.Accept),
                Contact = Period.Of(p.Contact),
                Handle = Period.Of(p.Handle),
                Feedback = Period.Of(p.Feedback),
                MaxExtensionDays = p.MaxExtensionDays,
                ExtensionUnit = p.ExtensionUnit,
                WarnBeforeHours = p.WarnBeforeHours,
                SupervisionAfterWorkingDays = p.SupervisionAfterWorkingDays,
                LeaderSupervisionAfterWorkingDays = p.LeaderSupervisionAfterWorkingDays,
                IsActive = p.IsActive,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var f = Input;
        var dto = new SlaPolicyDto(Edit ?? 0, f.Name?.Trim() ?? string.Empty, f.Track, f.CategoryId, f.Urgency,
            f.Accept.ToDuration(), f.Contact.Amount is null ? null : f.Contact.ToDuration(), f.Handle.ToDuration(), f.Feedback.ToDuration(),
            f.MaxExtensionDays, f.ExtensionUnit, f.WarnBeforeHours, f.SupervisionAfterWorkingDays, f.LeaderSupervisionAfterWorkingDays,
            Edit is null || f.IsActive);
        if (await Attempt<PolicyForm>("policy", "Input", () => sender.Send(new SaveSlaPolicy(dto), ct).AsTask()))
        {
            Flash = $"已保存时限规则“{dto.Name}”。";
            return RedirectToPage(new { edit = (int?)null });
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Policies = await sender.Send(new ListSlaPolicies(), ct);
        Categories = await sender.Send(new ListCategories(), ct);
    }
}
