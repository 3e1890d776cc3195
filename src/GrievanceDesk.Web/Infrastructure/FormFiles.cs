using GrievanceDesk.Application.Cases.Intake;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>An uploaded file as the attachment the commands take (the same shape the API receives as JSON).</summary>
internal static class FormFiles
{
    public static async Task<AttachmentInput> ToAttachmentAsync(this IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new AttachmentInput(Path.GetFileName(file.FileName), string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType,
            Convert.ToBase64String(buffer.ToArray()));
    }
}
