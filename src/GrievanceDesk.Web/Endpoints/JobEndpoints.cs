using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Jobs;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>The recurring jobs under /api/admin/jobs (docs/product.md §4: admins can trigger any recurring job now). Admin only.</summary>
internal static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/admin/jobs").RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Admin");

        jobs.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListJobs(), ct)))
            .WithSummary("The recurring jobs with their cron (China Standard Time) and next run");
        jobs.MapPost("/{jobId}/trigger", async (string jobId, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new TriggerJob(jobId), ct)))
            .WithSummary("Run a recurring job now and wait for it: {jobId, startedAt, finishedAt, result}");
    }
}
