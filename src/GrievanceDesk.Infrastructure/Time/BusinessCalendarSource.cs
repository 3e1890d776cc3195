using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Time;

/// <summary>
/// The working calendar built from the holiday table, kept for a minute. Edits on this instance invalidate it at once;
/// other instances pick an edit up within the minute (holidays are set weeks ahead).
/// </summary>
internal sealed class BusinessCalendarSource(IServiceScopeFactory scopes, TimeProvider clock) : IBusinessCalendarSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private (IBusinessCalendar Calendar, DateTimeOffset LoadedAt)? _cached;

    public async ValueTask<IBusinessCalendar> GetAsync(CancellationToken ct)
    {
        if (_cached is { } cached && clock.GetUtcNow() - cached.LoadedAt < Lifetime)
        {
            return cached.Calendar;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var days = await db.Holidays.AsNoTracking().ToListAsync(ct);
        var calendar = new WorkingCalendar(days);
        _cached = (calendar, clock.GetUtcNow());
        return calendar;
    }

    public void Invalidate() => _cached = null;
}
