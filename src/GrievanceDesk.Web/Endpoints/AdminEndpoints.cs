using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Time;
using Mediator;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>Admin CRUD of reference data and users under /api/admin (docs/product.md §1: Admin only).</summary>
internal static class AdminEndpoints
{
    public sealed record UnitBody(string Code, string Name, int? ParentId, bool AutoAssign = false, bool IsActive = true);

    public sealed record NodeBody(string Code, string Name, int? ParentId, bool IsActive = true);

    public sealed record RoutingRuleBody(int? CategoryId, int? RegionId, int UnitId, string? Note, bool IsActive = true);

    public sealed record HolidayBody(CalendarDayKind Kind, string Name);

    /// <summary>A year's arrangement as text, one line per block: "2027-02-06~2027-02-14 春节", "2027-02-15 春节 上班".</summary>
    public sealed record HolidayYearBody(string Arrangement);

    public sealed record UserUpdateBody(string DisplayName, IReadOnlyList<string> Roles, int? UnitId, bool IsActive = true);

    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Admin");

        var units = admin.MapGroup("/units");
        units.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListUnits(), ct)));
        units.MapPost("/", async (UnitBody b, ISender s, CancellationToken ct) =>
        {
            var created = await s.Send(new CreateUnit(b.Code, b.Name, b.ParentId, b.AutoAssign), ct);
            return TypedResults.Created($"/api/admin/units/{created.Id}", created);
        });
        units.MapPut("/{id:int}", async (int id, UnitBody b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new UpdateUnit(id, b.Code, b.Name, b.ParentId, b.AutoAssign, b.IsActive), ct)));
        units.MapDelete("/{id:int}", async (int id, ISender s, CancellationToken ct) =>
        {
            await s.Send(new DeleteUnit(id), ct);
            return TypedResults.NoContent();
        });

        var categories = admin.MapGroup("/categories");
        categories.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListCategories(), ct)));
        categories.MapPost("/", async (NodeBody b, ISender s, CancellationToken ct) =>
        {
            var created = await s.Send(new CreateCategory(b.Code, b.Name, b.ParentId), ct);
            return TypedResults.Created($"/api/admin/categories/{created.Id}", created);
        });
        categories.MapPut("/{id:int}", async (int id, NodeBody b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new UpdateCategory(id, b.Code, b.Name, b.ParentId, b.IsActive), ct)));

        var regions = admin.MapGroup("/regions");
        regions.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListRegions(), ct)));
        regions.MapPost("/", async (NodeBody b, ISender s, CancellationToken ct) =>
        {
            var created = await s.Send(new CreateRegion(b.Code, b.Name, b.ParentId), ct);
            return TypedResults.Created($"/api/admin/regions/{created.Id}", created);
        });
        regions.MapPut("/{id:int}", async (int id, NodeBody b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new UpdateRegion(id, b.Code, b.Name, b.ParentId, b.IsActive), ct)));

        var rules = admin.MapGroup("/routing-rules");
        rules.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListRoutingRules(), ct)));
        rules.MapPost("/", async (RoutingRuleBody b, ISender s, CancellationToken ct) =>
        {
            var created = await s.Send(new CreateRoutingRule(b.CategoryId, b.RegionId, b.UnitId, b.Note), ct);
            return TypedResults.Created($"/api/admin/routing-rules/{created.Id}", created);
        });
        rules.MapPut("/{id:int}", async (int id, RoutingRuleBody b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new UpdateRoutingRule(id, b.CategoryId, b.RegionId, b.UnitId, b.Note, b.IsActive), ct)));
        rules.MapDelete("/{id:int}", async (int id, ISender s, CancellationToken ct) =>
        {
            await s.Send(new DeleteRoutingRule(id), ct);
            return TypedResults.NoContent();
        });

        var holidays = admin.MapGroup("/holidays");
        holidays.MapGet("/", async (int? year, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListHolidays(year), ct)));
        holidays.MapPut("/{date}", async (DateOnly date, HolidayBody b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new SetHoliday(date, b.Kind, b.Name), ct)));
        holidays.MapDelete("/{date}", async (DateOnly date, ISender s, CancellationToken ct) =>
        {
            await s.Send(new RemoveHoliday(date), ct);
            return TypedResults.NoContent();
        });
        holidays.MapGet("/coverage", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new GetHolidayCoverage(), ct)))
            .WithSummary("Whether the holiday table covers the next 90 days, and which years are missing or provisional");
        holidays.MapPut("/years/{calendarYear:int}", async (int calendarYear, HolidayYearBody b, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new ImportHolidayYear(calendarYear, b.Arrangement), ct)))
            .WithSummary("Replaces a year's holidays and make-up days with the published arrangement; open cases' deadlines are recomputed");
        holidays.MapPost("/years/{calendarYear:int}/provisional", async (int calendarYear, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new AddProvisionalHolidays(calendarYear), ct)))
            .WithSummary("Adds the fixed statutory days (元旦, 劳动节, 国庆节 1–3) of a year not yet published, marked provisional");

        var users = admin.MapGroup("/users");
        users.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListUsers(), ct)));
        users.MapPost("/", async (CreateUser b, ISender s, CancellationToken ct) =>
        {
            var created = await s.Send(b, ct);
            return TypedResults.Created($"/api/admin/users/{created.UserName}", created);
        });
        users.MapPut("/{userName}", async (string userName, UserUpdateBody b, ISender s, CancellationToken ct) =>
            TypedResults.Ok(await s.Send(new UpdateUser(userName, b.DisplayName, b.Roles, b.UnitId, b.IsActive), ct)));
        users.MapPost("/{userName}/unlock", async (string userName, ISender s, CancellationToken ct) =>
        {
            await s.Send(new UnlockUser(userName), ct);
            return TypedResults.NoContent();
        });

        SlaPolicyEndpoints.Map(admin);
    }
}
