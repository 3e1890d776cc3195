using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Domain.Time;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Infrastructure.Jobs;

/// <summary>
/// The registry of recurring jobs (every <see cref="IRecurringJob"/> in DI, by id) and the one place a job runs:
/// from Hangfire (<see cref="RecurringJobInvoker"/>), the API's trigger, or a test. Each run gets its own scope.
/// </summary>
internal sealed class JobScheduler(
    IServiceScopeFactory scopes,
    JobStorage storage,
    IOptions<JobsOptions> options,
    TimeProvider clock,
    ILogger<JobScheduler> log) : IJobScheduler
{
    private readonly Lazy<IReadOnlyList<(string Id, string DisplayName)>> _registered = new(() => Discover(scopes));

    public IReadOnlyList<(string Id, string DisplayName)> Registered => _registered.Value;

    public IReadOnlyList<JobDto> List()
    {
        using var connection = storage.GetConnection();
        var scheduled = connection.GetRecurringJobs(Registered.Select(j => j.Id)).ToDictionary(r => r.Id);
        return Registered
            .Select(j => new JobDto(
                j.Id,
                j.DisplayName,
                options.Value.CronFor(j.Id),
                ChinaTimeZone.IanaId,
                scheduled.TryGetValue(j.Id, out var r) && r.NextExecution is { } next ? ChinaTime.ToOffset(next) : null))
            .ToList();
    }

    public async Task<JobRunDto> RunNowAsync(string jobId, CancellationToken ct)
    {
        if (!Registered.Any(j => j.Id == jobId))
        {
            throw new NotFoundException("定时任务", jobId);
        }

        await using var scope = scopes.CreateAsyncScope();
        var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == jobId);
        var startedAt = clock.GetUtcNow();
        var result = await job.RunAsync(ct);
        var finishedAt = clock.GetUtcNow();
        // A sweep that found nothing is the common case, every minute: not worth an information line.
        log.Log(result.Counts.Values.Any(c => c != 0) ? LogLevel.Information : LogLevel.Debug,
            "Job {JobId} ran in {Elapsed} ms: {Summary}", jobId, (finishedAt - startedAt).TotalMilliseconds, result.Summary);
        return new JobRunDto(jobId, job.DisplayName, startedAt.ToOffset(ChinaTime.Offset), finishedAt.ToOffset(ChinaTime.Offset), result);
    }

    private static IReadOnlyList<(string Id, string DisplayName)> Discover(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var jobs = scope.ServiceProvider.GetServices<IRecurringJob>().Select(j => (j.Id, j.DisplayName)).ToList();
        if (jobs.GroupBy(j => j.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two recurring jobs have the id '{twice.Key}'.");
        }

        return jobs.OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
    }
}
