namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// Telling the complainant the outcome (反馈), or an attempt to. A record of one handling round; only records of
/// the current round stamped at or after the resolution count for the last mile.
/// </summary>
public sealed class FeedbackRecord
{
    private FeedbackRecord()
    {
    }

    internal FeedbackRecord(ContactChannel channel, DateTime atUtc, bool reached, string content, string? complainantResponse, string byUserName, int round)
    {
        Channel = channel;
        AtUtc = atUtc;
        Reached = reached;
        Content = content;
        ComplainantResponse = complainantResponse;
        ByUserName = byUserName;
        Round = round;
    }

    public long Id { get; private set; }
    public ContactChannel Channel { get; private set; }
    public DateTime AtUtc { get; private set; }
    public bool Reached { get; private set; }
    public string Content { get; private set; } = string.Empty;
    public string? ComplainantResponse { get; private set; }
    public string ByUserName { get; private set; } = string.Empty;
    public int Round { get; private set; }

    /// <summary>A letter or SMS: the written notice the unreachable path needs.</summary>
    public bool IsWrittenNotice => Channel is ContactChannel.Letter or ContactChannel.Sms;
}
