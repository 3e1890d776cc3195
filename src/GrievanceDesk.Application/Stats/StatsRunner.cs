using GrievanceDesk.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// Runs statistics queries side by side: each on a DbContext (and so a connection) of its own, in a scope of its own,
/// so that the seven grouped queries of a period take about as long as the slowest, not as the sum (SQLite in WAL mode
/// and SQL Server both serve concurrent readers). Reads only: the queries project to rows, no entity is tracked.
/// </summary>
public sealed class StatsRunner(IServiceScopeFactory scopes)
{
    /// <remarks>
    /// On the thread pool: Microsoft.Data.Sqlite runs "async" commands synchronously, so without it the queries of
    /// one request would still run one after the other.
    /// </remarks>
    public Task<List<T>> ListAsync<T>(int? unitScope, Func<StatsQueries, IQueryable<T>> query, CancellationToken ct) =>
        Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IAppDbContext>();
            return await query(new StatsQueries(db, unitScope)).ToListAsync(ct);
        }, ct);
}
