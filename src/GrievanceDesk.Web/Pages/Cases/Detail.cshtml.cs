using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Attachments;
using GrievanceDesk.Application.Cases.Close;
using GrievanceDesk.Application.Cases.Dispatch;
using GrievanceDesk.Application.Cases.Duplicates;
using GrievanceDesk.Application.Cases.Handling;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Cases.Reveal;
using GrievanceDesk.Application.Cases.Supervision;
using GrievanceDesk.Application.Cases.ReturnVisits;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Web.Infrastructure;
using GrievanceDesk.Web.Pages.Cases.Actions;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Cases;

/// <summary>
/// The case page: header with state, unit, cadre and every deadline with the time left; the whole timeline; and the
/// actions the caller's role and the case's state allow (<see cref="CaseDetailDto.AllowedActions"/>), each a small form
/// that sends the same command as the API. A refusal is shown next to its action, field errors next to their fields.
/// Every form carries the version the page was read at, so two people saving over each other get a plain conflict.
/// </summary>
[Authorize(Roles = $"{Roles.FrontDesk},{Roles.Dispatcher},{Roles.Leader},{Roles.Cadre},{Roles.UnitLeader}")]
public sealed class DetailModel(ISender sender, TimeProvider clock, ICurrentUser user) : UiPageModel
{
    /// <summary>How long the full numbers stay on screen after a reveal (the page then masks them again).</summary>
    public const int RevealSeconds = 90;

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    /// <summary>The full numbers, on the answer to an audited reveal only (never stored in the session or a redirect).</summary>
    public RevealedComplainantsDto? Revealed { get; private set; }

    /// <summary>
    /// Whether to offer the reveal: the user's role may (<see cref="CasePermissions.MayReveal"/>) and the case shows
    /// its complainants to this user (not anonymous, not a report seen by its respondent unit).
    /// </summary>
    public bool OffersReveal => CasePermissions.MayReveal(user, Case.Unit?.Id) && !Case.IsAnonymous && !Case.IdentityHidden && Case.Complainants.Count > 0;

    public CaseDetailDto Case { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public DateTime LocalNow { get; private set; }
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public IReadOnlyList<UserDto> Cadres { get; private set; } = [];

    /// <summary>What the failed form posted, to show it again with its errors.</summary>
    private readonly Dictionary<CaseForm, object> _posted = [];

    /// <summary>The actions offered: exactly those the case (its aggregate) and the user's role allow now.</summary>
    public bool Offers(CaseAction action) => Case.AllowedActions.Contains(action);

    /// <summary>Whether the form's action is offered (<see cref="Offers(CaseAction)"/>).</summary>
    public bool Offers(CaseForm form) => form.Action is { } action && Offers(action);

    /// <summary>What the form's partial draws: what the failed post sent, or <paramref name="fresh"/> (a blank input by default).</summary>
    public CaseFormView<T> View<T>(CaseForm<T> form, T? fresh = null)
        where T : VersionForm, new() =>
        new(this, form, _posted.TryGetValue(form, out var posted) && posted is T input ? input : fresh ?? new T());

    /// <summary>No such case, or another unit's: 404, said in words.</summary>
    public bool Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : MissingPage();

    public Task<IActionResult> OnPostDispatchAsync([Bind(Prefix = nameof(CaseForms.Dispatch))] DispatchForm f, CancellationToken ct) =>
        Act(CaseForms.Dispatch, f, () => new DispatchCase(Id, f.UnitCode ?? string.Empty, Blank(f.CadreUserName), Blank(f.Note), f.Version), "已派单。", ct);

    public Task<IActionResult> OnPostAcceptAsync([Bind(Prefix = nameof(CaseForms.Accept))] VersionForm f, CancellationToken ct) =>
        Act(CaseForms.Accept, f, () => new AcceptCase(Id, f.Version), "已受理，办结期限开始计算。", ct);

    public Task<IActionResult> OnPostReturnAsync([Bind(Prefix = nameof(CaseForms.Return))] ReasonForm f, CancellationToken ct) =>
        Act(CaseForms.Return, f, () => new ReturnCase(Id, f.Reason ?? string.Empty, f.Version), "已退单，案件退回派单队列。", ct, backTo: "/unit/inbox");

    public Task<IActionResult> OnPostAssignAsync([Bind(Prefix = nameof(CaseForms.Assign))] AssignForm f, CancellationToken ct) =>
        Act(CaseForms.Assign, f, () => new AssignCase(Id, f.CadreUserName ?? string.Empty, f.Version), "已指定承办人。", ct);

    public Task<IActionResult> OnPostContactAsync([Bind(Prefix = nameof(CaseForms.Contact))] ContactForm f, CancellationToken ct) =>
        Act(CaseForms.Contact, f, () => new RecordContact(Id, At(f.At), f.Channel, f.Reached, f.Note ?? string.Empty, f.Version), "已记录联系情况。", ct);

    public Task<IActionResult> OnPostProgressAsync([Bind(Prefix = nameof(CaseForms.Progress))] NoteForm f, CancellationToken ct) =>
        Act(CaseForms.Progress, f, () => new RecordProgress(Id, f.Note ?? string.Empty, f.Version), "已记录办理进展。", ct);

    public Task<IActionResult> OnPostExtensionAsync([Bind(Prefix = nameof(CaseForms.Extension))] ExtensionForm f, CancellationToken ct) =>
        Act(CaseForms.Extension, f, () => new RequestExtension(Id, f.Days ?? 0, f.Reason ?? string.Empty, f.Version), "已提交延期申请，待单位负责人审批。", ct);

    public Task<IActionResult> OnPostDecideExtensionAsync([Bind(Prefix = nameof(CaseForms.DecideExtension))] DecisionForm f, CancellationToken ct) =>
        Act(CaseForms.DecideExtension, f, () => f.Approve
            ? new ApproveExtension(Id, f.ItemId, f.Version)
            : new RejectExtension(Id, f.ItemId, Blank(f.Reason), f.Version), f.Approve ? "已批准延期。" : "已驳回延期申请。", ct);

    public Task<IActionResult> OnPostPauseAsync([Bind(Prefix = nameof(CaseForms.Pause))] ReasonForm f, CancellationToken ct) =>
        Act(CaseForms.Pause, f, () => new RequestPause(Id, f.Reason ?? string.Empty, f.Version), "已提交中止申请，待单位负责人审批。", ct);

    public Task<IActionResult> OnPostDecidePauseAsync([Bind(Prefix = nameof(CaseForms.DecidePause))] DecisionForm f, CancellationToken ct) =>
        Act(CaseForms.DecidePause, f, () => f.Approve
            ? new ApprovePause(Id, f.ItemId, f.Version)
            : new RejectPause(Id, f.ItemId, Blank(f.Reason), f.Version), f.Approve ? "已批准中止，办理时限暂停计算。" : "已驳回中止申请。", ct);

    public Task<IActionResult> OnPostResumeAsync([Bind(Prefix = nameof(CaseForms.Resume))] VersionForm f, CancellationToken ct) =>
        Act(CaseForms.Resume, f, () => new ResumeCase(Id, f.Version), "已恢复办理。", ct);

    public Task<IActionResult> OnPostResolveAsync([Bind(Prefix = nameof(CaseForms.Resolve))] ResolveForm f, CancellationToken ct) =>
        Act(CaseForms.Resolve, f, () => new ResolveCase(Id, f.Outcome, f.Summary ?? string.Empty, f.Version), "已办结，请向诉求人反馈办理结果。", ct);

    public Task<IActionResult> OnPostNotAcceptAsync([Bind(Prefix = nameof(CaseForms.NotAccept))] ReasonForm f, CancellationToken ct) =>
        Act(CaseForms.NotAccept, f, () => new NotAcceptCase(Id, f.Reason ?? string.Empty, f.Version), "已作不予受理处理。", ct);

    public Task<IActionResult> OnPostAnswerAsync([Bind(Prefix = nameof(CaseForms.Answer))] AnswerForm f, CancellationToken ct) =>
        Act(CaseForms.Answer, f, () => new AnswerOnTheSpot(Id, f.Answer ?? string.Empty, f.Channel, f.Version), "已当场答复。", ct);

    public Task<IActionResult> OnPostFeedbackAsync([Bind(Prefix = nameof(CaseForms.Feedback))] FeedbackForm f, CancellationToken ct) =>
        Act(CaseForms.Feedback, f, () => new RecordFeedback(Id, f.Channel, At(f.At), f.Reached, f.Content ?? string.Empty, Blank(f.ComplainantResponse), f.Version), "已记录反馈。", ct);

    public Task<IActionResult> OnPostCloseAsync([Bind(Prefix = nameof(CaseForms.Close))] VersionForm f, CancellationToken ct) =>
        Act(CaseForms.Close, f, () => new CloseCase(Id, f.Version), "已结案。", ct);

    public Task<IActionResult> OnPostReturnVisitAsync([Bind(Prefix = nameof(CaseForms.ReturnVisit))] ReturnVisitForm f, CancellationToken ct) =>
        Act(CaseForms.ReturnVisit, f, () => new RecordReturnVisit(Id, f.Satisfaction, f.Solved, Blank(f.Note), f.Version),
            f.Satisfaction == Satisfaction.Dissatisfied ? "已记录回访：不满意，案件已重办，退回原承办单位。" : "已记录回访。", ct);

    public Task<IActionResult> OnPostSupervisionAsync([Bind(Prefix = nameof(CaseForms.Supervision))] NoteForm f, CancellationToken ct) =>
        Act(CaseForms.Supervision, f, () => new IssueSupervision(Id, f.Note ?? string.Empty, f.Version), "已下发督办单。", ct);

    /// <summary>查看完整号码: audited (reason, who, when); the answer is this page with the numbers, not a redirect.</summary>
    public async Task<IActionResult> OnPostRevealAsync([Bind(Prefix = nameof(CaseForms.Reveal))] ReasonForm f, CancellationToken ct)
    {
        var form = CaseForms.Reveal;
        await Attempt<ReasonForm>(form.Name, form.Name, async () => Revealed = await sender.Send(new RevealComplainants(Id, f.Reason?.Trim() ?? string.Empty), ct));
        if (Revealed is null)
        {
            MarkFailed(form.Name);
            _posted[form] = f;
        }

        Response.Headers.CacheControl = "no-store";
        return await Load(ct) ? Page() : MissingPage();
    }

    /// <summary>补充附件: a photo from the site, a scanned letter; size and type checked by the command.</summary>
    public async Task<IActionResult> OnPostAttachAsync(IFormFile? attachment, CancellationToken ct)
    {
        if (attachment is null || attachment.Length == 0)
        {
            ModelState.AddModelError(CaseForms.Attach.Field(a => a.File), "请选择要上传的文件。");
            return await Act(CaseForms.Attach, new AttachForm(), () => null!, string.Empty, ct, skip: true);
        }

        if (attachment.Length > AttachmentRules.MaxBytes)
        {
            ModelState.AddModelError(CaseForms.Attach.Field(a => a.File), $"文件 {attachment.FileName} 超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB，请压缩后再上传。");
            return await Act(CaseForms.Attach, new AttachForm(), () => null!, string.Empty, ct, skip: true);
        }

        var file = await attachment.ToAttachmentAsync(ct);
        return await Act(CaseForms.Attach, new AttachForm(), () => new AddCaseAttachment(Id, file), $"已上传附件：{file.FileName}。", ct);
    }

    public async Task<IActionResult> OnPostMergeAsync([Bind(Prefix = nameof(CaseForms.Merge))] TargetForm f, CancellationToken ct)
    {
        var target = await Find(f.TrackingNo, CaseForms.Merge, ct);
        return await Act(CaseForms.Merge, f, () => new MergeCase(Id, target ?? 0, f.Version), "已合并。", ct, skip: target is null);
    }

    public async Task<IActionResult> OnPostRepeatAsync([Bind(Prefix = nameof(CaseForms.Repeat))] TargetForm f, CancellationToken ct)
    {
        var target = await Find(f.TrackingNo, CaseForms.Repeat, ct);
        return await Act(CaseForms.Repeat, f, () => new MarkRepeatOf(Id, target ?? 0, f.Version), "已标记为重复件。", ct, skip: target is null);
    }

    private async Task<IActionResult> Act<TForm>(CaseForm<TForm> form, TForm posted, Func<ICommand<CaseDetailDto>> command, string done, CancellationToken ct,
        string? backTo = null, bool skip = false)
        where TForm : VersionForm, new()
    {
        if (!skip && await Attempt<TForm>(form.Name, form.Name, async () => await sender.Send(command(), ct)))
        {
            Flash = done;
            return backTo is null ? RedirectToPage(new { id = Id }) : Redirect(backTo);
        }

        MarkFailed(form.Name);
        _posted[form] = posted;
        return await Load(ct) ? Page() : MissingPage();
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult MissingPage()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The case with this tracking number, for merge and repeat; a field error when there is none.</summary>
    private async Task<long?> Find(string? trackingNo, CaseForm<TargetForm> form, CancellationToken ct)
    {
        var term = trackingNo?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            ModelState.AddModelError(form.Field(t => t.TrackingNo), "请输入原件的件号。");
            return null;
        }

        var found = (await sender.Send(new ListCases(Q: term, PageSize: 5), ct)).Items.FirstOrDefault(c => c.TrackingNo == term);
        if (found is null)
        {
            ModelState.AddModelError(form.Field(t => t.TrackingNo), $"没有件号为 {term} 的案件。");
        }

        return found?.Id;
    }

    private async Task<bool> Load(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        LocalNow = UiText.LocalNow(clock);
        try
        {
            Case = await sender.Send(new GetCase(Id), ct);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (Offers(CaseAction.Dispatch))
        {
            Units = (await sender.Send(new ListUnits(), ct)).Where(u => u.IsActive).ToList();
        }

        if (Offers(CaseAction.Assign))
        {
            Cadres = await sender.Send(new ListAssignableCadres(Id), ct);
        }

        return true;
    }

    private DateTimeOffset At(DateTime? local) => local is { } v ? UiText.FromLocalInput(v) : clock.GetUtcNow();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
