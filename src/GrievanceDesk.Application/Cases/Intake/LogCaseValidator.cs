using FluentValidation;
using GrievanceDesk.Application.Cases.Attachments;
using GrievanceDesk.Application.Common;

namespace GrievanceDesk.Application.Cases.Intake;

public sealed class LogCaseValidator : AbstractValidator<LogCase>
{
    public const int MaxAttachments = 10;
    public const int MaxAttachmentBytes = AttachmentRules.MaxBytes;

    public LogCaseValidator(TimeProvider clock)
    {
        RuleFor(x => x.Channel).IsInEnum();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Urgency).IsInEnum();
        RuleFor(x => x.ReceivedAt).NotEmpty()
            .Must(at => at <= clock.GetUtcNow().AddMinutes(1)).WithMessage("收件时间不能晚于当前时间 (receivedAt cannot be in the future).")
            .Must(at => at.Year >= 2000).WithMessage("收件时间无效 (receivedAt is not a plausible date).");
        RuleFor(x => x.HeadCount).InclusiveBetween(1, 10_000);
        RuleFor(x => x.CategoryCode).NotEmpty().MaximumLength(32);
        RuleFor(x => x.RegionCode).NotEmpty().MaximumLength(32);
        RuleFor(x => x.Address).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Content).NotEmpty().MaximumLength(4000);
        RuleFor(x => x.RespondentUnitCode).MaximumLength(32);
        RuleFor(x => x.RespondentName).MaximumLength(64);
        RuleFor(x => x.IdempotencyKey).MaximumLength(128);
        RuleFor(x => x.RepeatOfCaseId).GreaterThan(0).When(x => x.RepeatOfCaseId is not null);
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(4000).When(x => x.Answer is not null);
        RuleFor(x => x.AnswerChannel).NotNull().WithMessage("当场答复须注明答复方式 (answerChannel is required with an answer).")
            .IsInEnum().When(x => x.Answer is not null);

        RuleFor(x => x.Complainants).NotEmpty().When(x => !x.Anonymous)
            .WithMessage("请至少填写一位诉求人，或标记为匿名 (at least one complainant, or anonymous).");
        RuleFor(x => x.Complainants).Empty().When(x => x.Anonymous)
            .WithMessage("匿名件不应填写诉求人 (an anonymous case has no complainant).");
        RuleFor(x => x.Complainants!.Count).LessThanOrEqualTo(50).When(x => x.Complainants is not null).OverridePropertyName("complainants");
        RuleForEach(x => x.Complainants).NotNull().WithMessage("诉求人不能为空 (a complainant cannot be null).");
        RuleForEach(x => x.Complainants).ChildRules(p =>
        {
            p.RuleFor(c => c.Name).NotEmpty().MaximumLength(64);
            p.RuleFor(c => c.Phone).Must(PersonalNumbers.IsPhone).When(c => !string.IsNullOrEmpty(c.Phone))
                .WithMessage("电话号码格式不正确，应为11位手机号或带区号的固话 (not a valid phone number).");
            p.RuleFor(c => c.IdNumber).Must(PersonalNumbers.IsIdNumber).When(c => !string.IsNullOrEmpty(c.IdNumber))
                .WithMessage("身份证号码不正确（18位，末位校验码须正确） (not a valid 18-digit ID number).");
            p.RuleFor(c => c.Address).MaximumLength(200);
        });

        RuleFor(x => x.Attachments!.Count).LessThanOrEqualTo(MaxAttachments).When(x => x.Attachments is not null).OverridePropertyName("attachments");
        RuleForEach(x => x.Attachments).NotNull().WithMessage("附件不能为空 (an attachment cannot be null).");
        RuleForEach(x => x.Attachments).SetValidator(new AttachmentInputValidator());
    }
}
