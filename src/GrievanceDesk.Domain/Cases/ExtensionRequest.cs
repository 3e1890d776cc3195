namespace GrievanceDesk.Domain.Cases;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>延期申请: more days for the handle deadline, once per handling round, decided by the unit leader.</summary>
public sealed class ExtensionRequest
{
    private ExtensionRequest()
    {
    }

    internal ExtensionRequest(int round, int days, string reason, string requestedBy, DateTime requestedAtUtc)
    {
        Round = round;
        Days = days;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAtUtc = requestedAtUtc;
        Status = ExtensionStatus.Pending;
    }

    public long Id { get; private set; }
    public int Round { get; private set; }
    public int Days { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public ExtensionStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = string.Empty;
    public DateTime RequestedAtUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }

    internal void Decide(bool approved, string decidedBy, DateTime decidedAtUtc, string? note)
    {
        Status = approved ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
        DecidedBy = decidedBy;
        DecidedAtUtc = decidedAtUtc;
        DecisionNote = note;
    }
}
