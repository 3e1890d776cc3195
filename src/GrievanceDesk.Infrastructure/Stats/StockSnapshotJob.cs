using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Application.Stats.Rollup;

namespace GrievanceDesk.Infrastructure.Stats;

/// <summary>Every night just after midnight CST freezes the stock of the day that ended (and of any day it missed).</summary>
internal sealed class StockSnapshotJob(StockSnapshots snapshots) : IRecurringJob
{
    public const string JobId = "stock-snapshot";

    /// <summary>00:05 China Standard Time, every day.</summary>
    public const string DefaultCron = "5 0 * * *";

    public string Id => JobId;

    public string DisplayName => "生成在办/超期存量日快照";

    public async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var taken = await snapshots.SnapshotDueDaysAsync(ct);
        return JobResult.Of($"已生成{taken}天的存量快照", ("days", taken));
    }
}
