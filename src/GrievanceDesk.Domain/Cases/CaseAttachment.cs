namespace GrievanceDesk.Domain.Cases;

/// <summary>An attachment's metadata; the bytes live in storage under <see cref="StorageKey"/>.</summary>
public sealed class CaseAttachment
{
    private CaseAttachment()
    {
    }

    internal CaseAttachment(string fileName, string contentType, long sizeBytes, string storageKey)
    {
        FileName = fileName;
        ContentType = contentType;
        SizeBytes = sizeBytes;
        StorageKey = storageKey;
    }

    public long Id { get; private set; }
    public string FileName { get; private set; } = string.Empty;
    public string ContentType { get; private set; } = string.Empty;
    public long SizeBytes { get; private set; }
    public string StorageKey { get; private set; } = string.Empty;
}
