namespace GrievanceDesk.Infrastructure.Jobs;

/// <summary>The recurring jobs (section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Every minute (docs/product.md §4).</summary>
    public const string DefaultCron = "* * * * *";

    /// <summary>
    /// Run a Hangfire server in this process. Off, the jobs are still registered (dashboard, API) but run only when
    /// triggered through the API; the functional tests use that so that nothing runs behind their back.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Hangfire worker threads: jobs are few sweeps, not a job per case.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>Cron per job id (<c>Jobs:Cron:outbox-sender</c>), in China Standard Time; missing means <see cref="DefaultCron"/>.</summary>
    public Dictionary<string, string> Cron { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string CronFor(string jobId) =>
        Cron.FirstOrDefault(c => string.Equals(c.Key, jobId, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } cron
            ? cron.Trim()
            : DefaultCron;
}
