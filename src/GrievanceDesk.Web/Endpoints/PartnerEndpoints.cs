using GrievanceDesk.Application.Cases.Intake;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Partners;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Partners;
using GrievanceDesk.Web.OpenApi;
using GrievanceDesk.Web.Partners;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>
/// Partner systems (对接系统): under /api/partner with their own key (scopes per route, rate limited per partner), and
/// their administration under /api/admin/partners (Admin).
/// </summary>
internal static class PartnerEndpoints
{
    public sealed record RegisterPartnerBody(string Name, IReadOnlyList<string> Scopes);

    public static void MapPartnerEndpoints(this IEndpointRouteBuilder app)
    {
        var partner = app.MapGroup("/api/partner")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(PartnerKeyAuthentication.SchemeName).RequireAuthenticatedUser())
            .RequireRateLimiting(PartnerKeyAuthentication.RateLimitPolicy)
            .WithTags("Partners");

        partner.MapPost("/cases", LogCase)
            .RequireAuthorization(p => p.RequireClaim(PartnerKeyAuthentication.ScopeClaim, PartnerScopes.CasesCreate))
            .WithName("logPartnerCase")
            .WithSummary("Log a case under the partner's external reference; a repeat of the reference answers the first case (200)")
            .WithRequestExample("transfer", "上级转办 from the provincial 12345 platform", new LogPartnerCase(
                "SD12345-20261127-000318", Channel.Transfer, CaseKind.Claim, Urgency.Normal, new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.FromHours(8)),
                false, [new ComplainantInput("张三", "13800138000", null, "青湖区湖滨社区3号楼")], 1, "CSJS-WYGL", "QH-XH-HB", "青湖区湖滨社区3号楼",
                "电梯长期故障", "3号楼电梯停运两周，物业未修复，老人出行困难。"))
            .WithRequestExample("online", "网上 from the government portal, anonymous", new LogPartnerCase(
                "PORTAL-88231", Channel.Online, CaseKind.Suggestion, Urgency.Normal, new DateTimeOffset(2026, 11, 27, 21, 5, 0, TimeSpan.FromHours(8)),
                true, null, 1, "CSJS-WYGL", "QH-XH-HB", "湖滨路与青湖大道交叉口", "建议增设人行横道信号灯", "路口车流量大，行人过街困难，建议增设信号灯。"));
        partner.MapGet("/cases", async (string? externalReference, int? page, int? pageSize, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new ListPartnerCases(externalReference, page ?? 1, pageSize ?? 20), ct)))
            .RequireAuthorization(p => p.RequireClaim(PartnerKeyAuthentication.ScopeClaim, PartnerScopes.CasesReadOwn))
            .WithSummary("The partner's own cases, newest first (filter by external reference)");
        partner.MapGet("/cases/{id:long}", async (long id, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new GetPartnerCase(id), ct)))
            .RequireAuthorization(p => p.RequireClaim(PartnerKeyAuthentication.ScopeClaim, PartnerScopes.CasesReadOwn))
            .WithSummary("A case the partner logged: status, unit, deadlines and public replies; any other case is 404");

        var webhooks = partner.MapGroup("/webhooks")
            .RequireAuthorization(p => p.RequireClaim(PartnerKeyAuthentication.ScopeClaim, PartnerScopes.WebhooksManage));
        webhooks.MapPost("/", async (SubscribeWebhook body, ISender s, CancellationToken ct) =>
            {
                var created = await s.Send(body, ct);
                return TypedResults.Created($"/api/partner/webhooks/{created.Subscription.Id}", created);
            })
            .WithSummary("Subscribe a URL to case events; the signing secret is in this answer only");
        webhooks.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListWebhookSubscriptions(), ct)))
            .WithSummary("The partner's webhook subscriptions");
        webhooks.MapDelete("/{id:int}", async (int id, ISender s, CancellationToken ct) =>
            {
                await s.Send(new UnsubscribeWebhook(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop a subscription");

        var admin = app.MapGroup("/api/admin/partners").RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Partner administration");
        admin.MapGet("/", async (ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListPartners(), ct)))
            .WithSummary("Registered partner systems");
        admin.MapPost("/", async (RegisterPartnerBody body, ISender s, CancellationToken ct) =>
            {
                var issued = await s.Send(new RegisterPartner(body.Name, body.Scopes ?? []), ct);
                return TypedResults.Created($"/api/admin/partners/{issued.Partner.Id}", issued);
            })
            .WithSummary("Register a partner system with its scopes; its key is in this answer only");
        admin.MapPost("/{id:int}/rotate-key", async (int id, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new RotatePartnerKey(id), ct)))
            .WithSummary("Issue a new key; the old key is refused from now on");
        admin.MapPost("/{id:int}/revoke", async (int id, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new RevokePartner(id), ct)))
            .WithSummary("Revoke the partner: its key is refused and its webhooks stop");
        admin.MapGet("/{id:int}/deliveries", async (int id, ISender s, CancellationToken ct) => TypedResults.Ok(await s.Send(new ListWebhookDeliveries(id), ct)))
            .WithSummary("The partner's webhook deliveries (status, attempts, last error, payload), newest first");
        admin.MapPost("/{id:int}/deliveries/{deliveryId:long}/resend", async (int id, long deliveryId, ISender s, CancellationToken ct) =>
                TypedResults.Ok(await s.Send(new ResendWebhookDelivery(id, deliveryId), ct)))
            .WithSummary("Send a delivery again now");
    }

    private static async Task<Results<Created<PartnerCaseDto>, Ok<PartnerCaseDto>>> LogCase(LogPartnerCase body, ISender s, CancellationToken ct)
    {
        PartnerCaseResult result;
        try
        {
            result = await s.Send(body, ct);
        }
        catch (DbUpdateException)
        {
            // Two requests with one reference raced past the lookup: the loser's insert hit the unique (partner,
            // reference) key and rolled back whole; the winner's case is the answer.
            result = await s.Send(body, ct);
        }

        return result.Created
            ? TypedResults.Created($"/api/partner/cases/{result.Case.Id}", result.Case)
            : TypedResults.Ok(result.Case);
    }
}
