using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Infrastructure.Jobs;

/// <summary>
/// At start, puts every registered job into Hangfire with its cron (China Standard Time) and removes recurring jobs
/// that no longer exist. Idempotent, so every instance does it; an empty in-memory store is simply filled again.
/// </summary>
internal sealed class RecurringJobRegistration(
    JobScheduler jobs,
    IRecurringJobManager manager,
    JobStorage storage,
    IOptions<JobsOptions> options,
    ILogger<RecurringJobRegistration> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, _) in jobs.Registered)
        {
            var cron = options.Value.CronFor(id);
            try
            {
                manager.AddOrUpdate(
                    id,
                    Job.FromExpression<RecurringJobInvoker>(x => x.RunAsync(id, CancellationToken.None)),
                    cron,
                    new RecurringJobOptions { TimeZone = ChinaTimeZone.Instance });
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{JobsOptions.Section}:Cron:{id} = '{cron}' is not a valid cron expression: {e.Message}", e);
            }
        }

        using var connection = storage.GetConnection();
        var known = jobs.Registered.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in connection.GetRecurringJobs().Where(r => !known.Contains(r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
        }

        log.LogInformation("Recurring jobs: {Jobs}", string.Join(", ", jobs.Registered.Select(j => $"{j.Id} ({options.Value.CronFor(j.Id)})")));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
