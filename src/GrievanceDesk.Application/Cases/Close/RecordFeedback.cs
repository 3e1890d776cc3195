using FluentValidation;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.Cases.Close;

/// <summary>反馈: telling the complainant the outcome (or an attempt that did not reach them, or a written notice).</summary>
public sealed record RecordFeedback(long CaseId, ContactChannel Channel, DateTimeOffset At, bool Reached, string Content, string? ComplainantResponse, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.RecordFeedback;
}

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

public sealed class RecordFeedbackHandler(CurrentCase current) : CaseCommandHandler<RecordFeedback>(current)
{
    protected override ValueTask Apply(Case @case, RecordFeedback command, CaseContext ctx, CancellationToken ct)
    {
        @case.RecordFeedback(command.Channel, ChinaTime.ToUtc(command.At), command.Reached, command.Content, command.ComplainantResponse, ctx);
        return default;
    }
}
