using GrievanceDesk.Application.Stats;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>
/// The figures of docs/product.md §5. The office (Leader, Dispatcher, FrontDesk) reads the whole office; a unit's staff (Cadre,
/// UnitLeader) read their own unit only, with no ranking; Admin is refused (403).
/// </summary>
internal static class StatsEndpoints
{
    public static void MapStatsEndpoints(this IEndpointRouteBuilder app)
    {
        var stats = app.MapGroup("/api/stats").RequireAuthorization(p => p.RequireRole(StatsAccess.Readers)).WithTags("Statistics");

        stats.MapGet("/", async (DateOnly? from, DateOnly? to, string? groupBy, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new GetStats(from, to, groupBy), ct)))
            .WithSummary("The figures of docs/product.md §5 for the CST days from–to, per unit, category, region or channel, each rate with numerator and denominator");
        stats.MapGet("/hot-issues", async (DateOnly? from, DateOnly? to, int? top, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new GetHotIssues(from, to, top), ct)))
            .WithSummary("Hot issues (热点) in a window of at most 31 days: many cases on one address or one subject");
    }
}
