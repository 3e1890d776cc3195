using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Foundation;

public sealed class AdminCrudTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    [Fact]
    public async Task A_unit_is_created_updated_and_listed()
    {
        var admin = await app.SignedIn(As.Admin);
        var parent = await UnitId(admin, "QH");

        var created = await (await admin.PostAsJsonAsync("/api/admin/units", new { code = "QH-TEST1", name = "测试单位", parentId = parent, autoAssign = true }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();

        var updated = await (await admin.PutAsJsonAsync($"/api/admin/units/{id}", new { code = "QH-TEST1", name = "测试单位（改）", parentId = parent, autoAssign = false, isActive = true }))
            .ShouldBeOk<JsonElement>();
        updated.GetProperty("name").GetString().ShouldBe("测试单位（改）");

        var units = await (await (await app.SignedIn(As.Cadre)).GetAsync("/api/units")).ShouldBeOk<List<JsonElement>>();
        units.ShouldContain(u => u.GetProperty("code").GetString() == "QH-TEST1" && !u.GetProperty("autoAssign").GetBoolean());
    }

    [Fact]
    public async Task A_unit_with_a_bad_code_and_no_name_is_a_400_naming_both_fields()
    {
        var admin = await app.SignedIn(As.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/units", new { code = "bad code!", name = "" });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Unit_codes_are_unique()
    {
        var admin = await app.SignedIn(As.Admin);

        var response = await admin.PostAsJsonAsync("/api/admin/units", new { code = "QH-ZJW", name = "重复的住建委" });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "code-taken");
    }

    [Fact]
    public async Task A_unit_cannot_become_its_own_ancestor()
    {
        var admin = await app.SignedIn(As.Admin);
        var street = await UnitId(admin, "QH-DF");
        var community = await UnitId(admin, "QH-DF-GM");

        var response = await admin.PutAsJsonAsync($"/api/admin/units/{street}", new { code = "QH-DF", name = "东风街道办事处", parentId = community, autoAssign = false });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "unit-cycle");
        var self = await admin.PutAsJsonAsync($"/api/admin/units/{street}", new { code = "QH-DF", name = "东风街道办事处", parentId = street, autoAssign = false });
        await self.ShouldBeProblem(HttpStatusCode.Conflict, "unit-cycle");
    }

    [Fact]
    public async Task A_unit_with_a_missing_parent_is_a_400_naming_parentId()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.PostAsJsonAsync("/api/admin/units", new { code = "QH-ORPHAN", name = "孤儿单位", parentId = 99999 })).ShouldNameField("parentId");
    }

    [Fact]
    public async Task A_unit_in_use_cannot_be_deleted_but_an_unused_one_can()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.DeleteAsync($"/api/admin/units/{await UnitId(admin, "QH-ZJW")}")).ShouldBeProblem(HttpStatusCode.Conflict, "unit-in-use");

        var created = await (await admin.PostAsJsonAsync("/api/admin/units", new { code = "QH-TMP", name = "临时单位" })).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        (await admin.DeleteAsync($"/api/admin/units/{created.GetProperty("id").GetInt32()}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_routing_rule_must_name_an_existing_unit_and_a_category_or_region()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.PostAsJsonAsync("/api/admin/routing-rules", new { unitId = 99999, categoryId = 1 })).ShouldNameField("unitId");
        await (await admin.PostAsJsonAsync("/api/admin/routing-rules", new { unitId = await UnitId(admin, "QH-ZJW") })).ShouldNameField("categoryId");

        var rule = await (await admin.PostAsJsonAsync("/api/admin/routing-rules", new { unitId = await UnitId(admin, "QH-SWJ"), categoryId = await CategoryId(admin, "CSJS-SDQR"), note = "供水派水务局" }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        rule.GetProperty("note").GetString().ShouldBe("供水派水务局");
    }

    [Fact]
    public async Task Categories_have_two_levels_only()
    {
        var admin = await app.SignedIn(As.Admin);
        var secondLevel = await CategoryId(admin, "CSJS-WYGL");

        await (await admin.PostAsJsonAsync("/api/admin/categories", new { code = "CSJS-WYGL-X", name = "三级分类", parentId = secondLevel })).ShouldNameField("parentId");

        var created = await (await admin.PostAsJsonAsync("/api/admin/categories", new { code = "CSJS-DT", name = "电梯安全", parentId = await CategoryId(admin, "CSJS") }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        created.GetProperty("parentId").GetInt32().ShouldBe(await CategoryId(admin, "CSJS"));
    }

    [Fact]
    public async Task A_region_is_created_under_a_street_and_cannot_be_moved_below_itself()
    {
        var admin = await app.SignedIn(As.Admin);
        var street = await RegionId(admin, "QH-BC");
        var created = await (await admin.PostAsJsonAsync("/api/admin/regions", new { code = "QH-BC-NEW", name = "新建社区", parentId = street }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);

        var response = await admin.PutAsJsonAsync($"/api/admin/regions/{street}", new { code = "QH-BC", name = "北辰街道", parentId = created.GetProperty("id").GetInt32() });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "region-cycle");
    }

    [Fact]
    public async Task Holidays_are_set_and_removed_and_a_bad_kind_is_a_400()
    {
        var admin = await app.SignedIn(As.Admin);

        var set = await (await admin.PutAsJsonAsync("/api/admin/holidays/2026-12-31", new { kind = "holiday", name = "测试假日" })).ShouldBeOk<JsonElement>();
        set.GetProperty("kind").GetString().ShouldBe("holiday");
        var december = await (await admin.GetAsync("/api/admin/holidays?year=2026")).ShouldBeOk<List<JsonElement>>();
        december.ShouldContain(d => d.GetProperty("date").GetString() == "2026-12-31");

        (await admin.DeleteAsync("/api/admin/holidays/2026-12-31")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.PutAsJsonAsync("/api/admin/holidays/2026-12-30", new { kind = "sometimes", name = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await admin.GetAsync("/api/admin/holidays?year=1900")).ShouldNameField("year");
    }

    [Fact]
    public async Task An_sla_policy_with_a_ladder_that_does_not_increase_is_a_400()
    {
        var admin = await app.SignedIn(As.Admin);
        var policies = await (await admin.GetAsync("/api/admin/sla-policies")).ShouldBeOk<List<JsonElement>>();
        policies.Count.ShouldBeGreaterThanOrEqualTo(2);
        policies.Select(p => p.GetProperty("track").GetString()).Distinct().OrderBy(t => t).ShouldBe(["hotline", "petition"]);

        var petition = policies.First(p => p.GetProperty("track").GetString() == "petition");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(petition.GetRawText())!;
        body["leaderSupervisionAfterWorkingDays"] = 2;

        await (await admin.PutAsJsonAsync($"/api/admin/sla-policies/{petition.GetProperty("id").GetInt32()}", body)).ShouldNameField("leaderSupervisionAfterWorkingDays");

        body["leaderSupervisionAfterWorkingDays"] = 15;
        var saved = await (await admin.PutAsJsonAsync($"/api/admin/sla-policies/{petition.GetProperty("id").GetInt32()}", body)).ShouldBeOk<JsonElement>();
        saved.GetProperty("leaderSupervisionAfterWorkingDays").GetInt32().ShouldBe(15);
    }

    [Fact]
    public async Task A_cadre_needs_a_unit_and_an_unknown_role_is_named()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "newcadre", displayName = "新人", password = "Longenough1!", roles = new[] { "Cadre" } }))
            .ShouldNameField("unitId");
        await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "newcadre", displayName = "新人", password = "Longenough1!", roles = new[] { "Boss" } }))
            .ShouldNameField("roles");

        var created = await (await admin.PostAsJsonAsync("/api/admin/users", new { userName = "newcadre", displayName = "新人", password = "Longenough1!", roles = new[] { "Cadre" }, unitId = await UnitId(admin, "QH-DF") }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        created.GetProperty("roles")[0].GetString().ShouldBe("Cadre");
        (await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "newcadre", password = "Longenough1!" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_fields_and_malformed_json_are_400_never_500()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.PostAsJsonAsync("/api/admin/units", new { code = "QH-X", name = "x", colour = "red" })).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await admin.PostAsync("/api/admin/units", new StringContent("{\"code\":", System.Text.Encoding.UTF8, "application/json"))).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await admin.PostAsync("/api/admin/units", new StringContent("code=QH", System.Text.Encoding.UTF8, "text/plain"))).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType);
        await (await admin.PostAsync("/api/admin/units", null)).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    private static async Task<int> UnitId(HttpClient client, string code) => await IdOf(client, "/api/units", code);

    private static async Task<int> CategoryId(HttpClient client, string code) => await IdOf(client, "/api/categories", code);

    private static async Task<int> RegionId(HttpClient client, string code) => await IdOf(client, "/api/regions", code);

    private static async Task<int> IdOf(HttpClient client, string path, string code)
    {
        var rows = await (await client.GetAsync(path)).ShouldBeOk<List<JsonElement>>();
        return rows.Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }
}
