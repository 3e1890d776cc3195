using GrievanceDesk.Application.ReferenceData;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>Reference data that every signed-in user reads (forms, filters, labels).</summary>
internal static class ReferenceDataEndpoints
{
    public static void MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization().WithTags("Reference data");
        group.MapGet("/units", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListUnits(), ct)));
        group.MapGet("/categories", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListCategories(), ct)));
        group.MapGet("/regions", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListRegions(), ct)));
    }
}
