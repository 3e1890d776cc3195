using System.Diagnostics;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Benchmarks;

/// <summary>
/// docs/product.md §10: one escalation scan over the seeded cases (≤ 1 s), in steady state. The seeder writes no escalation
/// records, so first every step already due at "now" is recorded with raw SQL (as the sweeps before would have), on a
/// copy of the data set; then (a) the scan alone: every <see cref="EscalationSweep.DueCases"/> query of the sweep, all
/// policies × 4 steps, and the whole job with nothing due; (b) the whole job (the <see cref="IRecurringJob"/> from the
/// app's DI) with N cases newly due: the Warning records of the N cases whose warning fell due last are removed before
/// each run, so the sweep finds them and escalates each in its own transaction (record, timeline, outbox).
/// </summary>
public static class EscalationBenchmark
{
    public const double ScanLimitMs = 1000;

    private static readonly EscalationStep[] Ladder = [EscalationStep.Warning, EscalationStep.Overdue, EscalationStep.Supervision, EscalationStep.LeaderSupervision];

    public static async Task<IReadOnlyList<Measure.Result>> RunAsync(string sourcePath, DateTime nowUtc, int repetitions, int newlyDue)
    {
        var path = Path.ChangeExtension(sourcePath, ".escalation.db");
        await CopyAsync(sourcePath, path);
        await using var host = BenchmarkHost.Create(path, nowUtc);
        var (policies, calendar) = await LoadAsync(host);

        var watch = Stopwatch.StartNew();
        var recorded = await RecordStepsDueAsync(path, policies, calendar, nowUtc);
        Console.WriteLine($"  steady state: {recorded:N0} escalation records written for the steps due at now ({watch.Elapsed.TotalSeconds:0.0} s), on the copy {path}");

        await ExplainAsync(host, policies, calendar, nowUtc);

        var results = new List<Measure.Result>
        {
            await Measure.TimeAsync($"escalation scan: {policies.Count} policies x 4 steps DueCases", repetitions, ScanLimitMs, async () =>
            {
                await using var scope = host.Scope();
                var sweep = Sweep(scope);
                int queries = 0, found = 0;
                foreach (var step in Ladder)
                {
                    foreach (var policy in policies)
                    {
                        var cutoff = EscalationSchedule.LatestDeadlineDue(step, nowUtc, policy.Terms, calendar);
                        found += (await sweep.DueCases(policy.Id, step, cutoff, Array.Empty<long>()).Take(500).ToListAsync()).Count;
                        queries++;
                    }
                }

                return $"{queries} queries, {found} due";
            }),
            await Measure.TimeAsync("escalation sweep job, nothing newly due", repetitions, ScanLimitMs, async () =>
            {
                await using var scope = host.Scope();
                return (await Sweep(scope).RunAsync(CancellationToken.None)).Summary;
            }),
        };

        // (b): N newly due per run, a different N each run; the removal is not timed.
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        var note = string.Empty;
        for (var run = 0; run <= repetitions; run++)
        {
            var removed = await ForgetLatestWarningsAsync(path, newlyDue, run);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var runWatch = Stopwatch.StartNew();
            await using (var scope = host.Scope())
            {
                note = $"{removed} newly due: " + (await Sweep(scope).RunAsync(CancellationToken.None)).Summary;
            }

            var elapsed = runWatch.Elapsed.TotalMilliseconds;
            process.Refresh();
            if (run > 0)
            {
                times.Add(elapsed);
                cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            }

            Console.WriteLine($"    sweep run {run}{(run == 0 ? " (warm-up)" : string.Empty)}: {elapsed:0} ms ({note})");
        }

        var sorted = times.Order().ToList();
        var result = new Measure.Result($"escalation sweep job, {newlyDue} newly due", Median(sorted), sorted[0], sorted[^1], Median(cpu.Order().ToList()), times.Count, ScanLimitMs, note);
        Console.WriteLine($"  {result.Name}: median {result.MedianMs:0} ms, cpu {result.CpuMs:0} ms ({note})");
        results.Add(result);

        // Trial, on the copy only: the plan above searches IX_Cases_SlaPolicyId (every case of the policy, then a sort)
        // instead of the DueAtUtc range. An index on (SlaPolicyId, DueAtUtc) gives the planner the range per policy.
        await using (var connection = new SqliteConnection(BenchmarkHost.ConnectionString(path)))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE INDEX IF NOT EXISTS IX_Bench_Cases_SlaPolicyId_DueAtUtc ON Cases (SlaPolicyId, DueAtUtc)";
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await ExplainAsync(host, policies, calendar, nowUtc);
        results.Add(await Measure.TimeAsync("trial: scan with index (SlaPolicyId, DueAtUtc)", repetitions, ScanLimitMs, async () =>
        {
            await using var scope = host.Scope();
            var sweep = Sweep(scope);
            int queries = 0, found = 0;
            foreach (var step in Ladder)
            {
                foreach (var policy in policies)
                {
                    var cutoff = EscalationSchedule.LatestDeadlineDue(step, nowUtc, policy.Terms, calendar);
                    found += (await sweep.DueCases(policy.Id, step, cutoff, Array.Empty<long>()).Take(500).ToListAsync()).Count;
                    queries++;
                }
            }

            return $"{queries} queries, {found} due";
        }));
        return results;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static EscalationSweep Sweep(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetServices<IRecurringJob>().OfType<EscalationSweep>().Single();

    private static async Task<(List<SlaPolicy> Policies, IBusinessCalendar Calendar)> LoadAsync(BenchmarkHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync();
        var calendar = await scope.ServiceProvider.GetRequiredService<IBusinessCalendarSource>().GetAsync(CancellationToken.None);
        return (policies, calendar);
    }

    private static async Task CopyAsync(string source, string target)
    {
        var watch = Stopwatch.StartNew();
        await using (var connection = new SqliteConnection(BenchmarkHost.ConnectionString(source)))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { target, target + "-wal", target + "-shm" })
        {
            File.Delete(file);
        }

        File.Copy(source, target);
        Console.WriteLine($"  copied the data set to {target} ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>Every step due at now for every open, unpaused case, as the sweeps before would have recorded it.</summary>
    private static async Task<int> RecordStepsDueAsync(string path, List<SlaPolicy> policies, IBusinessCalendar calendar, DateTime nowUtc)
    {
        await using var connection = new SqliteConnection(BenchmarkHost.ConnectionString(path));
        await connection.OpenAsync();
        await using var tx = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT OR IGNORE INTO CaseEscalations (CaseId, Stage, DeadlineUtc, Step, AtUtc)
            SELECT c.Id,
                   CASE WHEN c.Status IN ('Registered', 'Dispatched') THEN 'accept' WHEN c.Status = 'Resolved' THEN 'feedback' ELSE 'handle' END,
                   c.DueAtUtc, $step, $at
            FROM Cases c
            WHERE c.DueAtUtc <= $cutoff AND c.SlaPolicyId = $policy AND c.IsPaused = 0
            """;
        var step = command.Parameters.Add("$step", SqliteType.Text);
        var cutoff = command.Parameters.Add("$cutoff", SqliteType.Text);
        var policy = command.Parameters.Add("$policy", SqliteType.Integer);
        command.Parameters.AddWithValue("$at", nowUtc.AddMinutes(-1));
        var rows = 0;
        foreach (var s in Ladder)
        {
            foreach (var p in policies)
            {
                step.Value = s.ToString();
                cutoff.Value = EscalationSchedule.LatestDeadlineDue(s, nowUtc, p.Terms, calendar);
                policy.Value = p.Id;
                rows += await command.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
        return rows;
    }

    /// <summary>Removes the Warning records of the N cases whose warning fell due last (the run-th such batch): they are due again.</summary>
    private static async Task<int> ForgetLatestWarningsAsync(string path, int count, int run)
    {
        await using var connection = new SqliteConnection(BenchmarkHost.ConnectionString(path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM CaseEscalations WHERE Id IN (
                SELECT e.Id FROM CaseEscalations e JOIN Cases c ON c.Id = e.CaseId
                WHERE e.Step = 'Warning' AND e.DeadlineUtc = c.DueAtUtc
                ORDER BY c.DueAtUtc DESC, c.Id LIMIT $count OFFSET $offset)
            """;
        command.Parameters.AddWithValue("$count", count);
        command.Parameters.AddWithValue("$offset", count * run);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task ExplainAsync(BenchmarkHost host, List<SlaPolicy> policies, IBusinessCalendar calendar, DateTime nowUtc)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var policy = policies[0];
        var query = Sweep(scope).DueCases(policy.Id, EscalationStep.Overdue, EscalationSchedule.LatestDeadlineDue(EscalationStep.Overdue, nowUtc, policy.Terms, calendar), [42L]).Take(500);
        await using var command = query.CreateDbCommand();
        Console.WriteLine("  DueCases SQL:");
        foreach (var line in command.CommandText.Split('\n'))
        {
            Console.WriteLine($"     {line.TrimEnd()}");
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        Console.WriteLine("  its plan:");
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"     {reader.GetString(3)}");
        }
    }
}
