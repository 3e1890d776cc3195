namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// One line of the case's timeline (办理轨迹): who did what, when, with the state before and after where relevant.
/// Append-only: nothing edits or removes an entry.
/// </summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    internal TimelineEntry(int sequence, DateTime atUtc, string actorUserName, string actorName, string action, string summary, string? before, string? after, bool isPublic)
    {
        Sequence = sequence;
        AtUtc = atUtc;
        ActorUserName = actorUserName;
        ActorName = actorName;
        Action = action;
        Summary = summary;
        Before = before;
        After = after;
        IsPublic = isPublic;
    }

    public long Id { get; private set; }

    /// <summary>1, 2, 3… within the case: the order of the timeline, also when several entries share an instant.</summary>
    public int Sequence { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ActorUserName { get; private set; } = string.Empty;
    public string ActorName { get; private set; } = string.Empty;

    /// <summary>A stable slug from <see cref="TimelineActions"/>.</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>A Chinese sentence for staff (and, when <see cref="IsPublic"/>, for the complainant's tracking page).</summary>
    public string Summary { get; private set; } = string.Empty;

    /// <summary>The changed fields before the change, as <c>key=value</c> pairs joined by <c>"; "</c>, e.g. <c>status=Dispatched; unit=12</c>.</summary>
    public string? Before { get; private set; }

    /// <summary>The same fields after the change.</summary>
    public string? After { get; private set; }

    /// <summary>Shown on the public tracking page (阳光信访): status changes and replies, nothing personal.</summary>
    public bool IsPublic { get; private set; }
}
