using FluentValidation;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Attachments;

/// <summary>GET /api/cases/{id}/attachments/{attachmentId}: the file, with the same access as the case.</summary>
public sealed record GetCaseAttachment(long CaseId, long AttachmentId) : IQuery<AttachmentContentDto>;

public sealed record AttachmentContentDto(string FileName, string ContentType, byte[] Content)
{
    /// <summary>Shown in the browser (an image, a PDF) rather than downloaded.</summary>
    public bool OpensInline => AttachmentRules.OpensInline(ContentType);
}

/// <summary>What a case accepts as an attachment: the size and the kinds of file the office works with.</summary>
public static class AttachmentRules
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Photos, scanned letters and documents, call recordings.</summary>
    public static readonly IReadOnlyList<string> ContentTypes =
    [
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
        "application/pdf", "text/plain",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "audio/mpeg", "audio/mp4", "audio/amr", "audio/wav", "audio/x-wav",
    ];

    /// <summary>The file types, as the page's file input names them.</summary>
    public const string Accept = "image/*,.pdf,.txt,.doc,.docx,.xls,.xlsx,.mp3,.m4a,.amr,.wav";

    public static readonly string Described = $"照片（JPG、PNG、GIF、WEBP、HEIC）、PDF、TXT、Word、Excel 或录音（MP3、M4A、AMR、WAV），每个不超过 {MaxBytes / 1024 / 1024} MB";

    public static bool IsAllowedType(string? contentType) =>
        contentType is not null && ContentTypes.Contains(contentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase);

    public static bool OpensInline(string contentType) =>
        contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && !contentType.Contains("heic", StringComparison.OrdinalIgnoreCase)
        || contentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the text is Base64 and decodes to at most <see cref="MaxBytes"/>.</summary>
    public static bool IsBase64WithinLimit(string? value)
    {
        if (value is null || value.Length > (MaxBytes / 3 * 4) + 4)
        {
            return false;
        }

        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) && written <= MaxBytes;
    }
}

/// <summary>One attachment's name, type and content (at intake and added later).</summary>
public sealed class AttachmentInputValidator : AbstractValidator<AttachmentInput>
{
    public AttachmentInputValidator()
    {
        RuleFor(f => f.FileName).NotEmpty().MaximumLength(200);
        RuleFor(f => f.ContentType).NotEmpty().MaximumLength(100)
            .Must(AttachmentRules.IsAllowedType).WithMessage($"不支持此类文件，可上传{AttachmentRules.Described} (this file type is not accepted).");
        RuleFor(f => f.ContentBase64).NotEmpty()
            .Must(AttachmentRules.IsBase64WithinLimit).WithMessage($"附件不能超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB，内容须为 Base64 编码 (base64, at most 5 MB).");
    }
}

public sealed class GetCaseAttachmentHandler(IAttachmentStore store, IAppDbContext db, ICurrentUser user, CaseReader reader) :
    IQueryHandler<GetCaseAttachment, AttachmentContentDto>
{
    /// <summary>
    /// 404 unless the caller may see the case; 404 too for a report's attachments asked by its respondent unit (they
    /// may name the complainant: docs/product.md §3), as for any case the caller may not see.
    /// </summary>
    public async ValueTask<AttachmentContentDto> Handle(GetCaseAttachment query, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Attachments).SingleOrDefaultAsync(x => x.Id == query.CaseId, ct);
        if (c is null || !CasePermissions.MaySee(user, c.UnitId))
        {
            throw new NotFoundException("案件", query.CaseId);
        }

        var file = c.Attachments.SingleOrDefault(a => a.Id == query.AttachmentId);
        if (file is null || c.HidesIdentityFrom(await reader.ViewerUnitAncestry(ct)))
        {
            throw new NotFoundException("附件", query.AttachmentId);
        }

        var content = await store.ReadAsync(file.StorageKey, ct) ?? throw new NotFoundException("附件", query.AttachmentId);
        return new AttachmentContentDto(file.FileName, file.ContentType, content);
    }
}
