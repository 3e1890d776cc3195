using FluentValidation;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using Mediator;

namespace GrievanceDesk.Application.Cases.Close;

/// <summary>反馈: telling the complainant the outcome (or an attempt that did not reach them, or a written notice).</summary>
public sealed record RecordFeedback(long CaseId, ContactChannel Channel, DateTimeOffset At, bool Reached, string Content, string? ComplainantResponse, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>结案: only when the last mile (最后一公里) is walked — the aggregate says which part is missing.</summary>
public sealed record CloseCase(long CaseId, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>回访: the complainant's verdict; dissatisfied reopens the case to the same unit.</summary>
public sealed record RecordReturnVisit(long CaseId, Satisfaction Satisfaction, bool Solved, string? Note, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>不予受理, with the reason.</summary>
public sealed record NotAcceptCase(long CaseId, string Reason, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

/// <summary>当场答复: a consultation answered on the spot.</summary>
public sealed record AnswerOnTheSpot(long CaseId, string Answer, ContactChannel Channel, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed class RecordFeedbackValidator : AbstractValidator<RecordFeedback>
{
    public RecordFeedbackValidator(TimeProvider clock)
    {
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.At).NotEmpty().Must(at => at <= clock.GetUtcNow().AddMinutes(1)).WithMessage("反馈时间不能晚于当前时间 (at cannot be in the future).")
            .Must(at => at.Year >= 2000).WithMessage("反馈时间无效 (at is not a plausible date).");
        RuleFor(x => x.Content).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.ComplainantResponse).MaximumLength(2000);
    }
}

public sealed class RecordReturnVisitValidator : AbstractValidator<RecordReturnVisit>
{
    public RecordReturnVisitValidator()
    {
        RuleFor(x => x.Satisfaction).IsInEnum();
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

public sealed class NotAcceptCaseValidator : AbstractValidator<NotAcceptCase>
{
    public NotAcceptCaseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

public sealed class AnswerOnTheSpotValidator : AbstractValidator<AnswerOnTheSpot>
{
    public AnswerOnTheSpotValidator()
    {
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.Channel).IsInEnum();
    }
}

public sealed class ClosingHandlers(CaseWorkbench workbench) :
    ICommandHandler<RecordFeedback, CaseDetailDto>,
    ICommandHandler<CloseCase, CaseDetailDto>,
    ICommandHandler<RecordReturnVisit, CaseDetailDto>,
    ICommandHandler<NotAcceptCase, CaseDetailDto>,
    ICommandHandler<AnswerOnTheSpot, CaseDetailDto>
{
    public async ValueTask<CaseDetailDto> Handle(RecordFeedback c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.RecordFeedback,
            (x, ctx) => x.RecordFeedback(c.Channel, ChinaTime.ToUtc(c.At), c.Reached, c.Content, c.ComplainantResponse, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(CloseCase c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.Close, (x, ctx) => x.Close(ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(RecordReturnVisit c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.RecordReturnVisit, (x, ctx) => x.RecordReturnVisit(c.Satisfaction, c.Solved, c.Note, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(NotAcceptCase c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.NotAccept, (x, ctx) => x.NotAccept(c.Reason, ctx), ct);

    public async ValueTask<CaseDetailDto> Handle(AnswerOnTheSpot c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.AnswerOnTheSpot, (x, ctx) => x.AnswerOnTheSpot(c.Answer, c.Channel, ctx), ct);
}

/// <summary>督办: a leader's supervision order to the handling unit.</summary>
public sealed record IssueSupervision(long CaseId, string Note, int? ExpectedVersion = null) : ICommand<CaseDetailDto>;

public sealed class IssueSupervisionValidator : AbstractValidator<IssueSupervision>
{
    public IssueSupervisionValidator() => RuleFor(x => x.Note).NotEmpty().MaximumLength(2000);
}

public sealed class SupervisionHandler(CaseWorkbench workbench) : ICommandHandler<IssueSupervision, CaseDetailDto>
{
    public async ValueTask<CaseDetailDto> Handle(IssueSupervision c, CancellationToken ct) =>
        await workbench.Change(c.CaseId, c.ExpectedVersion, CaseAction.IssueSupervision,
            (x, ctx) => x.IssueSupervision(SupervisionSource.Leader, c.Note, ctx), ct);
}
