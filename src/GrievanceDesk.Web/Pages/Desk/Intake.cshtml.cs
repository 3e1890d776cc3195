using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Desk;

/// <summary>
/// 来件登记: the front desk's keyboard-first intake form with every field of docs/product.md §3. Earlier and similar cases of the
/// same complainant or address appear beside it as the phone, ID number or address is typed (GET /api/cases/lookup);
/// the desk saves the case as new, as a repeat of one of them (合并 into it while it is still being handled), or
/// answers a consultation on the spot.
/// </summary>
[Authorize(Roles = $"{Roles.FrontDesk},{Roles.Dispatcher}")]
public sealed class IntakeModel(ISender sender, TimeProvider clock) : UiPageModel
{
    public const string Form = "intake";

    public sealed class ComplainantRow
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? IdNumber { get; set; }
        public string? Address { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phone)
            && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Address);
    }

    public sealed class IntakeForm
    {
        public Channel Channel { get; set; } = Channel.Call;
        public CaseKind Kind { get; set; } = CaseKind.Claim;
        public Urgency Urgency { get; set; } = Urgency.Normal;
        public DateTime? ReceivedAt { get; set; }
        public bool Anonymous { get; set; }
        public List<ComplainantRow> Complainants { get; set; } = [new()];
        public int HeadCount { get; set; } = 1;
        public string? CategoryCode { get; set; }
        public string? RegionCode { get; set; }
        public string? Address { get; set; }
        public string? Subject { get; set; }
        public string? Content { get; set; }
        public string? RespondentUnitCode { get; set; }
        public string? RespondentName { get; set; }
        public List<IFormFile>? Attachments { get; set; }

        /// <summary>The earlier case this one repeats, chosen in the list of similar cases.</summary>
        public long? RepeatOfCaseId { get; set; }

        /// <summary>答复内容, for a consultation answered at the desk.</summary>
        public string? Answer { get; set; }
        public ContactChannel AnswerChannel { get; set; } = ContactChannel.Phone;

        /// <summary>Made when the empty form is served; the same key twice returns the first case (POST /api/cases's Idempotency-Key).</summary>
        public string? IdempotencyKey { get; set; }
    }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    /// <summary>The case just saved (after the redirect), with its tracking number and query code.</summary>
    public CaseDetailDto? Saved { get; private set; }

    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public IReadOnlyList<RegionDto> Regions { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    /// <summary>The case a merged repeat went into: the desk tells the caller its number, unit and deadline.</summary>
    public CaseDetailDto? Original { get; private set; }

    /// <summary>What the type-ahead matches an option by: its code, its name's pinyin initials (and its parent's).</summary>
    public static string SearchKey(string code, string name, string? parentName = null) =>
        $"{code.ToLowerInvariant()} {PinyinInitials.Of(name)}{(parentName is null ? "" : " " + PinyinInitials.Of(parentName) + PinyinInitials.Of(name))}";

    public async Task OnGetAsync(long? saved, CancellationToken ct)
    {
        Input.ReceivedAt = Now();
        Input.IdempotencyKey = Guid.NewGuid().ToString("N");
        if (saved is { } id)
        {
            Saved = await sender.Send(new GetCase(id), ct);
            if (Saved.MergedIntoCaseId is { } into)
            {
                Original = await sender.Send(new GetCase(into), ct);
            }
        }

        await LoadReferenceData(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? mode, CancellationToken ct)
    {
        Input.Complainants = Input.Complainants.Where(c => !c.IsBlank).ToList();
        if (mode == "repeat" && Input.RepeatOfCaseId is null)
        {
            ModelState.AddModelError("Input.RepeatOfCaseId", "请先在右侧“既往及相似案件”中选择原件。");
        }

        if (mode == "answer" && Input.Kind != CaseKind.Consultation)
        {
            ModelState.AddModelError("Input.Answer", "只有诉求类型为“咨询”的来件可以当场答复。");
        }

        if (mode == "answer" && string.IsNullOrWhiteSpace(Input.Answer))
        {
            ModelState.AddModelError("Input.Answer", "请填写答复内容。");
        }

        CaseDetailDto? logged = null;
        var replayed = false;
        var ok = await Attempt<IntakeForm>(Form, "Input", async () =>
        {
            var command = await ToCommand(repeat: mode == "repeat", answer: mode == "answer", ct);
            var result = await sender.Send(command, ct);
            logged = result.Case;
            replayed = !result.Created;
        });
        if (!ok || logged is null)
        {
            if (Input.Complainants.Count == 0)
            {
                Input.Complainants.Add(new ComplainantRow());
            }

            await LoadReferenceData(ct);
            return Page();
        }

        Flash = logged.Status switch
        {
            _ when replayed => $"此件已登记为 {logged.TrackingNo}（重复提交，未再新建）。",
            CaseStatus.Merged => $"已登记 {logged.TrackingNo}：原件仍在办理，本件作为重复件并入原件，不再重复派单，已向诉求人告知原件进度。",
            CaseStatus.Resolved or CaseStatus.FeedbackGiven => $"已登记 {logged.TrackingNo} 并当场答复，可直接结案。",
            _ when logged.IsRepeat => $"已登记 {logged.TrackingNo}，作为已结案原件的新一轮诉求办理。",
            _ => $"已登记 {logged.TrackingNo}。",
        };
        return RedirectToPage(new { saved = logged.Id });
    }

    private async Task<LogCase> ToCommand(bool repeat, bool answer, CancellationToken ct)
    {
        var attachments = new List<AttachmentInput>();
        foreach (var file in Input.Attachments ?? [])
        {
            attachments.Add(await file.ToAttachmentAsync(ct));
        }

        return new LogCase(
            Input.Channel, Input.Kind, Input.Urgency,
            Input.ReceivedAt is { } at ? UiText.FromLocalInput(at) : default,
            Input.Anonymous,
            Input.Anonymous ? null : Input.Complainants.Select(c => new ComplainantInput(c.Name?.Trim() ?? string.Empty, Blank(c.Phone), Blank(c.IdNumber), Blank(c.Address))).ToList(),
            Input.HeadCount,
            Input.CategoryCode ?? string.Empty,
            Input.RegionCode ?? string.Empty,
            Input.Address?.Trim() ?? string.Empty,
            Input.Subject?.Trim() ?? string.Empty,
            Input.Content?.Trim() ?? string.Empty,
            Blank(Input.RespondentUnitCode),
            Blank(Input.RespondentName),
            attachments.Count == 0 ? null : attachments,
            repeat ? Input.RepeatOfCaseId : null,
            answer ? Input.Answer?.Trim() : null,
            answer ? Input.AnswerChannel : null)
        {
            IdempotencyKey = Blank(Input.IdempotencyKey),
        };
    }

    private DateTime Now() => UiText.LocalNow(clock);

    private async Task LoadReferenceData(CancellationToken ct)
    {
        Categories = (await sender.Send(new ListCategories(), ct)).Where(c => c.IsActive).ToList();
        Regions = (await sender.Send(new ListRegions(), ct)).Where(r => r.IsActive).ToList();
        Units = (await sender.Send(new ListUnits(), ct)).Where(u => u.IsActive).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
