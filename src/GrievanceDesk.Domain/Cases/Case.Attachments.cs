namespace GrievanceDesk.Domain.Cases;

// Attachments added after intake: a photo from the site, a scanned letter.
public sealed partial class Case
{
    /// <summary>
    /// 补充附件: the desk or the handling unit adds a file to the case after intake, in any status but merged (a letter
    /// may arrive after closing). The timeline records who added what; the bytes are already in storage under the key.
    /// </summary>
    public void AddAttachment(NewAttachment file, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(ctx);
        Ensure(CaseAction.AddAttachment, ctx);
        var name = Require(file.FileName, "附件名称", "a file name");
        _attachments.Add(new CaseAttachment(name, file.ContentType, file.SizeBytes, file.StorageKey));
        Append(ctx, TimelineActions.AttachmentAdded, $"补充附件：{name}");
    }
}
