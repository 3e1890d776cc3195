using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Application.Common;

/// <summary>Gives the working-day calendar built from the holiday table, cached briefly; edits invalidate it.</summary>
public interface IBusinessCalendarSource
{
    ValueTask<IBusinessCalendar> GetAsync(CancellationToken ct);
    void Invalidate();
}
