namespace GrievanceDesk.Application.Briefings;

/// <summary>Turns a weekly briefing into a printable document (a PDF).</summary>
public interface IBriefingRenderer
{
    byte[] Render(WeeklyBriefing briefing);
}
