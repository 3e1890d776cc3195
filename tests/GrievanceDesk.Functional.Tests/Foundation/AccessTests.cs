using System.Net;
using System.Net.Http.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>docs/product.md §1: reference data is read by every signed-in role; the admin endpoints are Admin only.</summary>
public sealed class AccessTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    public static readonly TheoryData<string> ReadEndpoints = new() { "/api/units", "/api/categories", "/api/regions" };

    public static readonly TheoryData<string> AdminEndpoints = new()
    {
        "/api/admin/units", "/api/admin/categories", "/api/admin/regions", "/api/admin/routing-rules",
        "/api/admin/sla-policies", "/api/admin/holidays?year=2026", "/api/admin/users",
    };

    [Theory]
    [MemberData(nameof(ReadEndpoints))]
    public async Task Every_role_reads_reference_data_and_anonymous_callers_get_401(string path)
    {
        foreach (var user in As.EveryRole)
        {
            var client = await app.SignedIn(user);
            (await client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{user} GET {path}");
        }

        await (await app.CreateClient().GetAsync(path)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Only_admin_reaches_the_admin_endpoints(string path)
    {
        (await (await app.SignedIn(As.Admin)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var user in As.EveryRole.Where(u => u != As.Admin))
        {
            var client = await app.SignedIn(user);
            await (await client.GetAsync(path)).ShouldBeProblem(HttpStatusCode.Forbidden);
            if (!path.Contains('?'))
            {
                await (await client.PostAsync(path, JsonContent.Create(new { }))).ShouldBeProblem(HttpStatusCode.Forbidden);
            }
        }

        await (await app.CreateClient().GetAsync(path)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
