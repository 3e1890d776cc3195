using GrievanceDesk.Application.ReferenceData;
using Mediator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// /health/ready: Degraded (still 200 for a load balancer) while the holiday table does not cover the next 90 days,
/// with the reason; deadlines would be counted over ordinary weeks.
/// </summary>
internal sealed class HolidayCoverageHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var coverage = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetHolidayCoverage(), cancellationToken);
        return coverage.IsCovered
            ? HealthCheckResult.Healthy(coverage.Warning ?? "节假日安排已覆盖未来90天")
            : HealthCheckResult.Degraded($"holiday calendar missing {string.Join(", ", coverage.MissingYears)}: {coverage.Warning}");
    }
}

/// <summary>The readiness answer: the overall status, then each check with its reason (a plain "Degraded" says nothing).</summary>
internal static class HealthReportText
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { Length: > 0 } d ? " - " + d : string.Empty)}");
        return http.Response.WriteAsync(string.Join('\n', [report.Status.ToString(), .. lines]) + "\n");
    }
}
