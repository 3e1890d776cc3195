using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Time;

/// <summary>
/// The working calendar built from the holiday table: the one of the reference-data snapshot, so an edit on any
/// instance is seen by every instance on its next read (the snapshot follows the database's reference-data version).
/// </summary>
internal sealed class BusinessCalendarSource(IServiceScopeFactory scopes, ReferenceSnapshotHolder holder) : IBusinessCalendarSource
{
    public async ValueTask<IBusinessCalendar> GetAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IReferenceData>().GetAsync(ct)).Calendar;
    }

    public void Invalidate() => holder.Current = null;
}
