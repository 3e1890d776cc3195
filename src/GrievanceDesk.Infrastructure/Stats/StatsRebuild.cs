using GrievanceDesk.Application.Stats;
using GrievanceDesk.Application.Stats.Rollup;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Stats;

/// <summary>
/// <c>GrievanceDesk.Web stats-rebuild [--stock-from yyyy-MM-dd] [--stock-to yyyy-MM-dd]</c>: rebuilds the daily rollup
/// from the statistics events, which are the record. Cases saved before the events were kept (or written by a bulk
/// loader) get their events reconstructed first from what they hold: receipt, dispatch, acceptance, resolution and
/// close stamps, return visits and supervision orders (a close that a reopen cleared cannot be recovered; the reopen
/// is). Then the stock of the given days (default: yesterday) is snapshotted again from the cases.
/// </summary>
public sealed class StatsRebuild(AppDbContext db, StockSnapshots snapshots, TimeProvider clock)
{
    private const int Batch = 20_000;

    /// <param name="stockDays">The days whose stock to snapshot again (days not yet over are skipped).</param>
    public async Task<(int EventsAdded, int Events, int Rows, int StockDays)> RunAsync(IReadOnlyList<DateOnly> stockDays, CancellationToken ct)
    {
        var added = await BackfillAsync(ct);

        await db.DailyStats.ExecuteDeleteAsync(ct);
        var rows = new Dictionary<(int, StatsDimension, DateOnly, int), DailyStats>();
        var events = 0;
        await foreach (var e in db.Set<StatsEvent>().AsNoTracking().AsAsyncEnumerable().WithCancellation(ct))
        {
            events++;
            foreach (var row in DailyStats.Of([e]))
            {
                var key = (row.ScopeUnitId, row.Dimension, row.Day, row.Key);
                if (rows.TryGetValue(key, out var sum))
                {
                    foreach (var (_, get, add) in DailyStats.Counters)
                    {
                        add(sum, get(row));
                    }
                }
                else
                {
                    rows[key] = row;
                }
            }
        }

        foreach (var chunk in rows.Values.Chunk(Batch))
        {
            db.DailyStats.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var yesterday = ChinaTime.DateOf(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var days = 0;
        foreach (var day in stockDays.Where(d => d <= yesterday).Distinct())
        {
            await snapshots.SnapshotAsync(day, ct);
            days++;
        }

        return (added, events, rows.Count, days);
    }

    /// <summary>
    /// Writes reconstructed events with one prepared INSERT in one transaction per batch: millions of rows, so not
    /// through the change tracker (and not through the rollup writer: the rollup is rebuilt from all events next).
    /// </summary>
    private async Task InsertAsync(List<StatsEvent> events, CancellationToken ct)
    {
        var columns = new[]
        {
            nameof(StatsEvent.CaseId), nameof(StatsEvent.Kind), nameof(StatsEvent.AtUtc), nameof(StatsEvent.Day), nameof(StatsEvent.UnitId),
            nameof(StatsEvent.CategoryId), nameof(StatsEvent.RegionId), nameof(StatsEvent.Channel), nameof(StatsEvent.Collective),
            nameof(StatsEvent.OnTime), nameof(StatsEvent.Solved), nameof(StatsEvent.Satisfied),
        };
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var quote = db.Database.IsSqlServer() ? ("[", "]") : ("\"", "\"");
        command.CommandText = $"INSERT INTO {quote.Item1}CaseStatsEvents{quote.Item2} ({string.Join(", ", columns.Select(c => quote.Item1 + c + quote.Item2))}) "
            + $"VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        var parameters = columns.ToDictionary(c => c, c =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + c;
            command.Parameters.Add(p);
            return p;
        });
        foreach (var e in events)
        {
            // Stored as the model stores them: enums as their names, instants as UTC, the day as a date.
            parameters[nameof(StatsEvent.CaseId)].Value = e.CaseId;
            parameters[nameof(StatsEvent.Kind)].Value = e.Kind.ToString();
            parameters[nameof(StatsEvent.AtUtc)].Value = e.AtUtc;
            parameters[nameof(StatsEvent.Day)].Value = e.Day;
            parameters[nameof(StatsEvent.UnitId)].Value = (object?)e.UnitId ?? DBNull.Value;
            parameters[nameof(StatsEvent.CategoryId)].Value = e.CategoryId;
            parameters[nameof(StatsEvent.RegionId)].Value = e.RegionId;
            parameters[nameof(StatsEvent.Channel)].Value = e.Channel.ToString();
            parameters[nameof(StatsEvent.Collective)].Value = e.Collective;
            parameters[nameof(StatsEvent.OnTime)].Value = e.OnTime;
            parameters[nameof(StatsEvent.Solved)].Value = e.Solved;
            parameters[nameof(StatsEvent.Satisfied)].Value = e.Satisfied;
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>The command line: <c>stats-rebuild [--stock-from yyyy-MM-dd] [--stock-to yyyy-MM-dd]</c>; 0 when done.</summary>
    public static async Task<int> RunCommandAsync(IServiceProvider services, IReadOnlyList<string> args)
    {
        DateOnly? Option(string name) =>
            args.ToList().IndexOf(name) is var i and >= 0 && i + 1 < args.Count ? DateOnly.ParseExact(args[i + 1], "yyyy-MM-dd") : null;

        await using var scope = services.CreateAsyncScope();
        var yesterday = ChinaTime.DateOf(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-1);
        var (from, to) = (Option("--stock-from") ?? Option("--stock-to") ?? yesterday, Option("--stock-to") ?? yesterday);
        var stockDays = Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (added, events, rows, days) = await scope.ServiceProvider.GetRequiredService<StatsRebuild>().RunAsync(stockDays, CancellationToken.None);
        Console.WriteLine($"GrievanceDesk: statistics rebuilt in {started.Elapsed.TotalSeconds:0.0} s: {added} events reconstructed, "
            + $"{events} events counted into {rows} daily rows, stock of {days} days snapshotted.");
        return 0;
    }

    /// <summary>Reconstructs the events of every case that has none, in batches of cases by id.</summary>
    private async Task<int> BackfillAsync(CancellationToken ct)
    {
        var added = 0;
        var lastId = 0L;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (true)
        {
            var cases = await db.Cases.AsNoTracking()
                .Where(c => c.Id > lastId)
                .OrderBy(c => c.Id)
                .Take(Batch)
                .Where(c => !c.StatsEvents.Any())
                .Select(c => new
                {
                    c.Id,
                    c.ReceivedAtUtc,
                    c.UnitId,
                    c.CategoryId,
                    c.RegionId,
                    c.Channel,
                    c.IsCollective,
                    c.IsRepeat,
                    c.RegisteredAtUtc,
                    c.DispatchedAtUtc,
                    c.AcceptedAtUtc,
                    c.AcceptDeadlineUtc,
                    c.ContactDeadlineUtc,
                    c.FirstContactAtUtc,
                    c.IsAnonymous,
                    c.ResolvedAtUtc,
                    c.HandleDeadlineUtc,
                    c.ClosedAtUtc,
                    Visits = c.ReturnVisits.Select(v => new { v.AtUtc, v.Solved, v.Satisfaction }).ToList(),
                    Orders = c.SupervisionOrders.Select(o => o.IssuedAtUtc).ToList(),
                })
                .ToListAsync(ct);
            var maxId = await db.Cases.Where(c => c.Id > lastId).OrderBy(c => c.Id).Take(Batch).MaxAsync(c => (long?)c.Id, ct);
            if (maxId is null)
            {
                break;
            }

            lastId = maxId.Value;
            var events = new List<StatsEvent>();
            foreach (var c in cases)
            {
                StatsEvent Event(StatsEventKind kind, DateTime at, bool onTime = false, bool solved = false, bool satisfied = false) =>
                    StatsEvent.Reconstructed(c.Id, kind, at, kind == StatsEventKind.Received && c.DispatchedAtUtc is null ? null : c.UnitId,
                        c.CategoryId, c.RegionId, c.Channel, c.IsCollective, onTime, solved, satisfied);

                events.Add(Event(StatsEventKind.Received, c.ReceivedAtUtc));
                if (c.IsRepeat)
                {
                    events.Add(Event(StatsEventKind.Repeat, c.RegisteredAtUtc));
                }

                if (c.DispatchedAtUtc is { } dispatched)
                {
                    events.Add(Event(StatsEventKind.Dispatched, dispatched));
                }

                var contactStage = c.ContactDeadlineUtc is not null && !c.IsAnonymous;
                if ((c.AcceptedAtUtc ?? c.ResolvedAtUtc) is { } responded && (!contactStage || c.FirstContactAtUtc is not null))
                {
                    var at = contactStage && c.FirstContactAtUtc > responded ? c.FirstContactAtUtc.Value : responded;
                    events.Add(Event(StatsEventKind.Responded, at,
                        onTime: Case.RespondedOnTime(responded, c.AcceptDeadlineUtc, contactStage ? c.ContactDeadlineUtc : null, c.FirstContactAtUtc)));
                }

                if (c.ClosedAtUtc is { } closed)
                {
                    events.Add(Event(StatsEventKind.Closed, closed, onTime: Case.ResolvedOnTime(c.ResolvedAtUtc, c.HandleDeadlineUtc, c.AcceptDeadlineUtc)));
                }

                foreach (var v in c.Visits)
                {
                    events.Add(Event(StatsEventKind.ReturnVisit, v.AtUtc, solved: v.Solved, satisfied: v.Satisfaction != Satisfaction.Dissatisfied));
                    if (v.Satisfaction == Satisfaction.Dissatisfied)
                    {
                        events.Add(Event(StatsEventKind.Reopened, v.AtUtc));
                    }
                }

                events.AddRange(c.Orders.Select(o => Event(StatsEventKind.Escalated, o)));
            }

            await InsertAsync(events, ct);
            added += events.Count;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return added;
    }
}
