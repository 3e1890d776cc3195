using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Common;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>The weekly briefing (每周信访工作简报): the archive and the PDFs, for leaders and the office.</summary>
internal static class BriefingEndpoints
{
    public static void MapBriefingEndpoints(this IEndpointRouteBuilder app)
    {
        var briefings = app.MapGroup("/api/briefings")
            .RequireAuthorization(p => p.RequireRole(Roles.Leader, Roles.Dispatcher, Roles.FrontDesk))
            .WithTags("Briefings");

        briefings.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListBriefings(), ct)))
            .WithSummary("The archived weekly briefings, newest first");
        briefings.MapGet("/weekly/{year:int}/{week:int}", async (int year, int week, ISender s, CancellationToken ct) =>
            {
                var pdf = await s.Send(new GetWeeklyBriefing(year, week), ct);
                return TypedResults.File(pdf.Content, BriefingPdf.ContentType, pdf.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: BriefingPdf.ContentType)
            .WithSummary("The briefing of an ISO week (Monday–Sunday CST) as a PDF; generated and archived on demand for a past week; 409 for a week not yet over");
    }
}
