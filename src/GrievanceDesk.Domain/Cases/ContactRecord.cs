namespace GrievanceDesk.Domain.Cases;

/// <summary>An attempt, reached or not, by the handling unit to contact the complainant while handling the case.</summary>
public sealed class ContactRecord
{
    private ContactRecord()
    {
    }

    internal ContactRecord(DateTime atUtc, ContactChannel channel, bool reached, string note, string byUserName)
    {
        AtUtc = atUtc;
        Channel = channel;
        Reached = reached;
        Note = note;
        ByUserName = byUserName;
    }

    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public ContactChannel Channel { get; private set; }
    public bool Reached { get; private set; }
    public string Note { get; private set; } = string.Empty;
    public string ByUserName { get; private set; } = string.Empty;
}
