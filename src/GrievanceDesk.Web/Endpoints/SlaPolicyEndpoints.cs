using GrievanceDesk.Application.ReferenceData;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

internal static class SlaPolicyEndpoints
{
    public static void Map(RouteGroupBuilder admin)
    {
        var policies = admin.MapGroup("/sla-policies");
        policies.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListSlaPolicies(), ct)));
        policies.MapPost("/", async (SlaPolicyDto b, ISender s, CancellationToken ct) =>
        {
            var created = await s.Send(new SaveSlaPolicy(b with { Id = 0 }), ct);
            return TypedResults.Created($"/api/admin/sla-policies/{created.Id}", created);
        });
        // min(1): id 0 means "new" to SaveSlaPolicy, and a PUT never creates.
        policies.MapPut("/{id:int:min(1)}", async (int id, SlaPolicyDto b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new SaveSlaPolicy(b with { Id = id }), ct)));
    }
}
