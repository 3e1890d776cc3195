using GrievanceDesk.Application.Common;
using Mediator;

namespace GrievanceDesk.Application.Jobs;

/// <summary>
/// A recurring job (定时任务): a set-based sweep that does its work through the database. Durable state lives in our
/// tables; Hangfire only drives time, so a run may come from the cron, the API or the dashboard, on any instance,
/// any number of times, and must stay correct. Adding a job is one class plus <c>services.AddRecurringJob&lt;T&gt;()</c>.
/// </summary>
public interface IRecurringJob
{
    /// <summary>Stable id: the Hangfire recurring-job id, the route segment and the <c>Jobs:Cron:{id}</c> key.</summary>
    string Id { get; }

    /// <summary>The Chinese name shown to the administrator.</summary>
    string DisplayName { get; }

    Task<JobResult> RunAsync(CancellationToken ct);
}

/// <summary>What one run did: a line for a person, and counts for a client or a test.</summary>
public sealed record JobResult(string Summary, IReadOnlyDictionary<string, int> Counts)
{
    public static JobResult Of(string summary, params (string Name, int Count)[] counts) =>
        new(summary, counts.ToDictionary(c => c.Name, c => c.Count));
}

/// <summary>A recurring job and its schedule (cron in China Standard Time).</summary>
public sealed record JobDto(string Id, string DisplayName, string Cron, string TimeZone, DateTimeOffset? NextRunAt);

public sealed record JobRunDto(string JobId, string DisplayName, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, JobResult Result);

/// <summary>The registered recurring jobs, and running one now (Infrastructure implements it over Hangfire).</summary>
public interface IJobScheduler
{
    IReadOnlyList<JobDto> List();

    /// <summary>Runs the job now, in its own scope, and waits for it. Unknown id: <see cref="NotFoundException"/>.</summary>
    Task<JobRunDto> RunNowAsync(string jobId, CancellationToken ct);
}

/// <summary>GET /api/admin/jobs.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListJobs : IQuery<IReadOnlyList<JobDto>>;

/// <summary>
/// POST /api/admin/jobs/{jobId}/trigger. A request, not a command: a job commits its own units of work (the outbox
/// sender must commit a claim before it sends), so it must not run inside the one transaction a command gets.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record TriggerJob(string JobId) : IRequest<JobRunDto>;

public sealed class JobHandlers(IJobScheduler jobs) :
    IQueryHandler<ListJobs, IReadOnlyList<JobDto>>,
    IRequestHandler<TriggerJob, JobRunDto>
{
    public ValueTask<IReadOnlyList<JobDto>> Handle(ListJobs query, CancellationToken ct) => ValueTask.FromResult(jobs.List());

    public async ValueTask<JobRunDto> Handle(TriggerJob request, CancellationToken ct) => await jobs.RunNowAsync(request.JobId, ct);
}
