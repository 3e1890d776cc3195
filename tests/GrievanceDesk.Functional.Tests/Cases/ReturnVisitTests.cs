using System.Net;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>回访: the front desk asks the complainant after closing, never the unit that handled the case.</summary>
public sealed class ReturnVisitTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task The_front_desk_records_the_return_visit()
    {
        var id = await app.CaseIn("closed");

        var visited = await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "satisfied", solved = true, note = "诉求人表示满意" });

        visited.Status().ShouldBe("closed");
        var visit = visited.GetProperty("returnVisits").EnumerateArray().ShouldHaveSingleItem();
        visit.Str("satisfaction").ShouldBe("satisfied");
        visit.Str("by").ShouldBe(As.FrontDesk);
        visit.GetProperty("round").GetInt32().ShouldBe(1);
        visited.Actions()[^1].ShouldBe("return-visit-recorded");
    }

    [Theory]
    [InlineData("cadre1")]
    [InlineData("cadre2")]
    [InlineData("unitleader1")]
    public async Task The_handling_units_staff_are_refused_the_return_visit(string user)
    {
        var id = await app.CaseIn("closed");

        await (await app.Post(user, id, "return-visit", new { satisfaction = "satisfied", solved = true })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");

        (await app.Get(As.FrontDesk, id)).GetProperty("returnVisits").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_front_desk_user_belonging_to_the_handling_unit_is_refused_the_return_visit()
    {
        await app.CreateUser("zjw.desk", "住建委接待员", ["FrontDesk"], "QH-ZJW");
        var id = await app.CaseIn("closed");

        await (await app.Post("zjw.desk", id, "return-visit", new { satisfaction = "satisfied", solved = true }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "return-visit-by-handling-unit");

        (await app.Get(As.FrontDesk, id)).GetProperty("returnVisits").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_round_is_visited_once()
    {
        var id = await app.CaseIn("closed");
        await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "satisfied", solved = true });

        await (await app.Post(As.Dispatcher, id, "return-visit", new { satisfaction = "dissatisfied", solved = false }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "return-visit-already-recorded");

        (await app.Get(As.FrontDesk, id)).Status().ShouldBe("closed");
    }

    [Fact]
    public async Task An_anonymous_case_has_nobody_to_visit()
    {
        var id = await app.LogId(app.NewIntake() with { Anonymous = true, Complainants = null });
        await app.Do(As.Cadre, id, "accept");
        await app.Do(As.Cadre, id, "progress", new { note = "核查" });
        await app.Do(As.Cadre, id, "resolution", new { outcome = "explained", summary = "已解释说明" });
        await app.Do(As.Cadre, id, "close");

        await (await app.Post(As.FrontDesk, id, "return-visit", new { satisfaction = "satisfied", solved = true }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "anonymous-no-return-visit");
    }

    [Fact]
    public async Task An_open_case_is_not_visited()
    {
        var id = await app.CaseIn("feedback_given");

        await (await app.Post(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "invalid-transition");
    }
}
