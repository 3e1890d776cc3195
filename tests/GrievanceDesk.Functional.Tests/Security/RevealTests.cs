using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// docs/product.md §7: the full phone and ID numbers of a case only through a separate, audited reveal (who, when, which case,
/// why), for the roles that call the complainant, and never a report's complainant to the respondent unit.
/// </summary>
public sealed class RevealTests : IClassFixture<CaseApp>
{
    private const string IdNumber = "11010519491231002X";

    private readonly CaseApp app;

    public RevealTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task The_handling_cadre_sees_the_full_numbers_and_the_reveal_is_audited_and_on_the_timeline()
    {
        var phone = app.UniquePhone();
        var id = await LogWith(phone);

        var response = await app.Post(As.Cadre, id, "reveal", new { reason = "电话回访前核对号码" });

        var revealed = await response.ShouldBeOk<JsonElement>();
        response.Headers.CacheControl?.NoStore.ShouldBeTrue("full numbers must not be kept by a cache");
        var person = revealed.GetProperty("complainants").EnumerateArray().ShouldHaveSingleItem();
        person.Str("name").ShouldBe("张三丰");
        person.Str("phone").ShouldBe(phone);
        person.Str("idNumber").ShouldBe(IdNumber);
        revealed.Str("revealedBy").ShouldBe(As.Cadre);

        var audit = await app.Query(db => db.RevealAudits.AsNoTracking().Where(a => a.CaseId == id).ToListAsync());
        var row = audit.ShouldHaveSingleItem();
        row.UserName.ShouldBe(As.Cadre);
        row.DisplayName.ShouldBe("刘洋");
        row.Reason.ShouldBe("电话回访前核对号码");
        row.AtUtc.ShouldBe(app.Now.UtcDateTime, TimeSpan.FromSeconds(1));
        row.UnitId.ShouldBe(await app.UnitId("QH-ZJW"));
        row.Complainants.ShouldBe(1);

        var page = await app.Get(As.FrontDesk, id);
        var entry = page.GetProperty("timeline").EnumerateArray().Last();
        entry.Str("action").ShouldBe("contact-revealed");
        entry.Str("actor").ShouldBe(As.Cadre);
        entry.Str("summary")!.ShouldContain("电话回访前核对号码");
        entry.GetProperty("isPublic").GetBoolean().ShouldBeFalse();
        var text = page.GetRawText();
        text.ShouldNotContain(phone, Case.Sensitive, "the case page stays masked after a reveal");
        text.ShouldNotContain(IdNumber);
        var track = await app.CreateClient().GetStringAsync($"/api/track/{page.Str("trackingNo")}?code={page.Str("queryCode")}");
        track.ShouldNotContain("核对号码", Case.Sensitive, "the public page does not show who looked at personal data");
    }

    [Fact]
    public async Task Office_staff_and_the_unit_may_reveal_leaders_admins_and_other_units_may_not_and_a_refusal_leaves_no_audit()
    {
        var id = await LogWith(app.UniquePhone());

        foreach (var user in new[] { As.FrontDesk, As.Dispatcher, As.UnitLeader })
        {
            await (await app.Post(user, id, "reveal", new { reason = $"{user} 联系诉求人" })).ShouldBeOk<JsonElement>();
        }

        await (await app.Post(As.Leader, id, "reveal", new { reason = "了解情况" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await app.Post(As.Admin, id, "reveal", new { reason = "了解情况" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await app.Post(AccessRules.OtherUnitCadre, id, "reveal", new { reason = "了解情况" })).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.CreateClient().PostAsJsonAsync($"/api/cases/{id}/reveal", new { reason = "了解情况" })).ShouldBeProblem(HttpStatusCode.Unauthorized);

        var audit = await app.Query(db => db.RevealAudits.AsNoTracking().Where(a => a.CaseId == id).Select(a => a.UserName).ToListAsync());
        audit.ShouldBe([As.FrontDesk, As.Dispatcher, As.UnitLeader], ignoreOrder: true);
    }

    [Theory]
    [InlineData("{\"reason\":\"\"}")]
    [InlineData("{\"reason\":\"   \"}")]
    [InlineData("{}")]
    public async Task A_reveal_without_a_reason_is_a_400_and_leaves_no_audit(string body)
    {
        var id = await LogWith(app.UniquePhone());
        var client = await app.Client(As.FrontDesk);

        var response = await client.PostAsync($"/api/cases/{id}/reveal", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldNameField("reason");
        (await app.Query(db => db.RevealAudits.CountAsync(a => a.CaseId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task An_anonymous_case_has_nothing_to_reveal()
    {
        var id = await app.LogId(app.NewIntake() with { Anonymous = true, Complainants = null, Channel = "online" });

        await (await app.Post(As.FrontDesk, id, "reveal", new { reason = "核实" })).ShouldBeProblem(HttpStatusCode.Conflict, "nothing-to-reveal");
        (await app.Query(db => db.RevealAudits.CountAsync(a => a.CaseId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_s_complainant_is_never_revealed_to_staff_of_the_respondent_unit()
    {
        // A receptionist who belongs to 东风街道 reads a report (检举控告) about 东风街道: the reporter is hidden and stays hidden.
        await app.CreateUser("desk-df", "东风前台", ["FrontDesk"], "QH-DF");
        var phone = app.UniquePhone();
        var id = await app.LogId(app.NewIntake() with
        {
            Kind = "report",
            RespondentUnitCode = "QH-DF",
            Complainants = [new Person("李举报", phone, IdNumber)],
        });
        (await app.Get("desk-df", id)).GetProperty("identityHidden").GetBoolean().ShouldBeTrue();

        var refused = await app.Post("desk-df", id, "reveal", new { reason = "核实举报人" });

        var problem = await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        problem.GetRawText().ShouldNotContain(phone);
        (await app.Query(db => db.RevealAudits.CountAsync(a => a.CaseId == id))).ShouldBe(0);
        var revealed = await (await app.Post(As.FrontDesk, id, "reveal", new { reason = "核实举报人" })).ShouldBeOk<JsonElement>();
        revealed.GetProperty("complainants")[0].Str("phone").ShouldBe(phone, "office staff outside the respondent unit may still see it");
    }

    [Fact]
    public async Task A_reveal_honours_If_Match_and_refuses_one_it_cannot_read()
    {
        var id = await LogWith(app.UniquePhone());
        var version = (await app.Get(As.FrontDesk, id)).Version();

        await (await app.Post(As.FrontDesk, id, "reveal", new { reason = "核实" }, ifMatch: version + 7)).ShouldBeProblem(HttpStatusCode.Conflict, "concurrency-conflict");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/reveal") { Content = JsonContent.Create(new { reason = "核实" }) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"not-a-version\"");
        await (await (await app.Client(As.FrontDesk)).SendAsync(request)).ShouldBeProblem(HttpStatusCode.BadRequest);
        (await app.Query(db => db.RevealAudits.CountAsync(a => a.CaseId == id))).ShouldBe(0);

        await (await app.Post(As.FrontDesk, id, "reveal", new { reason = "核实" }, ifMatch: version)).ShouldBeOk<JsonElement>();
        (await app.Get(As.FrontDesk, id)).Version().ShouldBe(version + 1, "a reveal is on the timeline, so it is a change of the case");
    }

    private async Task<long> LogWith(string phone) =>
        await app.LogId(app.NewIntake() with { Complainants = [new Person("张三丰", phone, IdNumber, "湖滨路88号3单元")] });
}
