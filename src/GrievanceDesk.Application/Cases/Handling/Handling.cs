using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using Mediator;

namespace GrievanceDesk.Application.Cases.Handling;

/// <summary>联系诉求人: a call, visit or message to the complainant, reached or not.</summary>
public sealed record RecordContact(long CaseId, DateTimeOffset At, ContactChannel Channel, bool Reached, string Note, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>办理进展: a progress note.</summary>
public sealed record RecordProgress(long CaseId, string Note, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>延期申请: more days, once per stage, capped by the policy.</summary>
public sealed record RequestExtension(long CaseId, int Days, string Reason, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed record ApproveExtension(long CaseId, long ExtensionId, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed record RejectExtension(long CaseId, long ExtensionId, string? Reason, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>中止申请: stop the handle clock while waiting on the complainant or an appraisal.</summary>
public sealed record RequestPause(long CaseId, string Reason, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed record ApprovePause(long CaseId, long PauseId, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed record RejectPause(long CaseId, long PauseId, string? Reason, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>恢复办理: the clock runs again; the paused time does not count.</summary>
public sealed record ResumeCase(long CaseId, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>办结: the outcome and a summary.</summary>
public sealed record ResolveCase(long CaseId, Outcome Outcome, string Summary, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed class RecordContactValidator : AbstractValidator<RecordContact>
{
    public RecordContactValidator(TimeProvider clock)
    {
        RuleFor(x => x.At).NotEmpty().Must(at => at <= clock.GetUtcNow().AddMinutes(1)).WithMessage("联系时间不能晚于当前时间 (at cannot be in the future).")
            .Must(at => at.Year >= 2000).WithMessage("联系时间无效 (at is not a plausible date).");
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
    }
}

public sealed class RecordProgressValidator : AbstractValidator<RecordProgress>
{
    public RecordProgressValidator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
}

public sealed class RequestExtensionValidator : AbstractValidator<RequestExtension>
{
    public RequestExtensionValidator()
    {
        RuleFor(x => x.Days).InclusiveBetween(1, 365);
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
    }
}

public sealed class RejectExtensionValidator : AbstractValidator<RejectExtension>
{
    public RejectExtensionValidator() => RuleFor(x => x.Reason).MaximumLength(1000);
}

public sealed class RequestPauseValidator : AbstractValidator<RequestPause>
{
    public RequestPauseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
}

public sealed class RejectPauseValidator : AbstractValidator<RejectPause>
{
    public RejectPauseValidator() => RuleFor(x => x.Reason).MaximumLength(1000);
}

public sealed class ResolveCaseValidator : AbstractValidator<ResolveCase>
{
    public ResolveCaseValidator()
    {
        RuleFor(x => x.Outcome).IsInEnum();
        RuleFor(x => x.Summary).NotEmpty().MaximumLength(4000);
    }
}

public sealed class HandlingHandlers(CaseWorkbench workbench) :
    ICommandHandler<RecordContact, CaseDetailDto>,
    ICommandHandler<RecordProgress, CaseDetailDto>,
    ICommandHandler<RequestExtension, CaseDetailDto>,
    ICommandHandler<ApproveExtension, CaseDetailDto>,
    ICommandHandler<RejectExtension, CaseDetailDto>,
    ICommandHandler<RequestPause, CaseDetailDto>,
    ICommandHandler<ApprovePause, CaseDetailDto>,
    ICommandHandler<RejectPause, CaseDetailDto>,
    ICommandHandler<ResumeCase, CaseDetailDto>,
    ICommandHandler<ResolveCase, CaseDetailDto>
{
    public async ValueTask<CaseDetailDto> Handle(RecordContact c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.RecordContact, (x, ctx) => x.RecordContact(ChinaTime.ToUtc(c.At), c.Channel, c.Reached, c.Note, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(RecordProgress c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.RecordProgress, (x, ctx) => x.RecordProgress(c.Note, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(RequestExtension c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.RequestExtension, (x, ctx) => x.RequestExtension(c.Days, c.Reason, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(ApproveExtension c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.DecideExtension, (x, ctx) => x.ApproveExtension(c.ExtensionId, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(RejectExtension c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.DecideExtension, (x, ctx) => x.RejectExtension(c.ExtensionId, c.Reason, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(RequestPause c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.RequestPause, (x, ctx) => x.RequestPause(c.Reason, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(ApprovePause c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.DecidePause, (x, ctx) => x.ApprovePause(c.PauseId, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(RejectPause c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.DecidePause, (x, ctx) => x.RejectPause(c.PauseId, c.Reason, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(ResumeCase c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.Resume, (x, ctx) => x.Resume(ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(ResolveCase c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.Resolve, (x, ctx) => x.Resolve(c.Outcome, c.Summary, ctx), ct);
}
