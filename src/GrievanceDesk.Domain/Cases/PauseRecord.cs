namespace GrievanceDesk.Domain.Cases;

public enum PauseStatus
{
    /// <summary>Asked for, awaiting the unit leader.</summary>
    Requested,
    /// <summary>The handle clock is stopped.</summary>
    Active,
    /// <summary>Resumed; the handle deadline moved by the paused time.</summary>
    Ended,
    Rejected,
}

/// <summary>中止: the handle clock stopped while waiting on the complainant or an outside appraisal.</summary>
public sealed class PauseRecord
{
    private PauseRecord()
    {
    }

    internal PauseRecord(string reason, string requestedBy, DateTime requestedAtUtc)
    {
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAtUtc = requestedAtUtc;
        Status = PauseStatus.Requested;
    }

    public long Id { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public string RequestedBy { get; private set; } = string.Empty;
    public DateTime RequestedAtUtc { get; private set; }
    public PauseStatus Status { get; private set; }

    /// <summary>The unit leader who approved or rejected the request.</summary>
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>When the clock stopped (the approval).</summary>
    public DateTime? StartedAtUtc { get; private set; }
    public DateTime? EndedAtUtc { get; private set; }
    public string? EndedBy { get; private set; }

    /// <summary>Requested or active: at most one per case.</summary>
    public bool IsOpen => Status is PauseStatus.Requested or PauseStatus.Active;

    internal void Approve(string by, DateTime atUtc)
    {
        Status = PauseStatus.Active;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
        StartedAtUtc = atUtc;
    }

    internal void Reject(string by, DateTime atUtc, string? note)
    {
        Status = PauseStatus.Rejected;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
        DecisionNote = note;
    }

    internal void End(string by, DateTime atUtc)
    {
        Status = PauseStatus.Ended;
        EndedBy = by;
        EndedAtUtc = atUtc;
    }
}
