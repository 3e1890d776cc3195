using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Foundation;

public sealed class HealthAndOpenApiTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    [Fact]
    public async Task Liveness_answers_healthy_without_sign_in()
    {
        var response = await app.CreateClient().GetAsync("/health/live");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    /// <summary>Readiness names each check; the holiday calendar's own states are in HolidayCalendarTests.</summary>
    [Fact]
    public async Task Readiness_answers_without_sign_in_and_names_each_check()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("database: Healthy");
        body.ShouldContain("holiday-calendar: ");
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api_and_the_browsable_ui_is_served()
    {
        var client = app.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/auth/token");
        paths.ShouldContain("/api/admin/units/{id}");
        paths.ShouldContain("/api/units");

        var ui = await client.GetAsync("/scalar");
        ui.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ui.Content.ReadAsStringAsync()).ShouldContain("openapi/v1.json");
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        var client = await app.SignedIn(As.Admin);

        await (await client.GetAsync("/api/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
