namespace GrievanceDesk.Domain.Cases;

/// <summary>回访: the front desk asks the complainant after closing. At most one per handling round.</summary>
public sealed class ReturnVisit
{
    private ReturnVisit()
    {
    }

    internal ReturnVisit(Satisfaction satisfaction, bool solved, string? note, DateTime atUtc, string byUserName, int round)
    {
        Satisfaction = satisfaction;
        Solved = solved;
        Note = note;
        AtUtc = atUtc;
        ByUserName = byUserName;
        Round = round;
    }

    public long Id { get; private set; }
    public Satisfaction Satisfaction { get; private set; }

    /// <summary>Whether the problem is solved in the complainant's view (解决率).</summary>
    public bool Solved { get; private set; }
    public string? Note { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ByUserName { get; private set; } = string.Empty;
    public int Round { get; private set; }
}
