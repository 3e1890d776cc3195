using FluentValidation;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Application.Cases.Attachments;

/// <summary>POST /api/cases/{id}/attachments: 补充附件, by the desk or the handling unit, after intake.</summary>
public sealed record AddCaseAttachment(long CaseId, AttachmentInput File, int? ExpectedVersion = null) : ICaseCommand
{
    public static CaseAction Action => CaseAction.AddAttachment;
}

public sealed class AddCaseAttachmentValidator : AbstractValidator<AddCaseAttachment>
{
    public AddCaseAttachmentValidator()
    {
        RuleFor(x => x.File).NotNull().WithMessage("请选择要上传的文件 (a file is required).");
        RuleFor(x => x.File).SetValidator(new AttachmentInputValidator()).When(x => x.File is not null);
    }
}

public sealed class AddCaseAttachmentHandler(CurrentCase current, IAttachmentStore store) : CaseCommandHandler<AddCaseAttachment>(current)
{
    protected override async ValueTask Apply(Case @case, AddCaseAttachment command, CaseContext ctx, CancellationToken ct)
    {
        var bytes = Convert.FromBase64String(command.File.ContentBase64);
        var key = await store.SaveAsync(bytes, ct);
        @case.AddAttachment(new NewAttachment(Path.GetFileName(command.File.FileName.Trim()), command.File.ContentType.Split(';')[0].Trim(), bytes.LongLength, key), ctx);
    }
}
