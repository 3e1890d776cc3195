using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Attachments;
using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>A case's attachments: read with the same access as the case, added later by the desk or the handling unit.</summary>
internal static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var readers = new[] { Roles.FrontDesk, Roles.Dispatcher, Roles.Leader, Roles.Cadre, Roles.UnitLeader };
        var cases = app.MapGroup("/api/cases").RequireAuthorization(p => p.RequireRole(readers)).WithTags("Cases");

        cases.MapGet("/{id:long}/attachments/{attachmentId:long}", async (long id, long attachmentId, HttpResponse response, ISender s, CancellationToken ct) =>
            {
                var file = await s.Send(new GetCaseAttachment(id, attachmentId), ct);
                response.Headers.CacheControl = "private, no-store";
                response.Headers.XContentTypeOptions = "nosniff";
                // Inline for images and PDFs (previewed), a download for the rest.
                return file.OpensInline
                    ? Results.File(file.Content, file.ContentType)
                    : Results.File(file.Content, file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream", additionalContentTypes: [.. AttachmentRules.ContentTypes])
            .WithSummary("An attachment of the case (same access as the case; a report's never reach the respondent unit)");

        cases.MapPost("/{id:long}/attachments", async ([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Disallow)] AttachmentInput body, long id, HttpRequest r, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new AddCaseAttachment(id, body, CaseEndpoints.IfMatch(r)), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.FrontDesk, Roles.Dispatcher, Roles.Cadre, Roles.UnitLeader))
            .WithSummary("Add an attachment to the case (补充附件): {fileName, contentType, contentBase64}, at most 5 MB");
    }
}
