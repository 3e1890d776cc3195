using GrievanceDesk.Application.Jobs;
using Hangfire;

namespace GrievanceDesk.Infrastructure.Jobs;

/// <summary>
/// What Hangfire stores and calls for every recurring job: the job id, nothing else, so the job store holds no state
/// of ours. No automatic retry: the next occurrence of the cron is the retry, and each job's own state is in our tables.
/// </summary>
public sealed class RecurringJobInvoker(IJobScheduler jobs)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("定时任务 {0}")]
    public async Task RunAsync(string jobId, CancellationToken ct) => await jobs.RunNowAsync(jobId, ct);
}
