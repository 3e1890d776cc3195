using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>阳光信访: with the tracking number and the query code, anyone sees how a case stands; nothing personal, and a wrong code tells nothing.</summary>
public sealed class TrackingTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task The_complainant_tracks_a_case_without_signing_in_and_sees_status_unit_deadlines_and_public_replies()
    {
        var created = await app.Log(app.NewIntake() with
        {
            Complainants = [new Person("张三丰", "13812345678", "11010519491231002X", "湖滨路88号3单元")],
        });
        var id = created.Id();
        await app.Do(As.Cadre, id, "accept");
        await app.Do(As.Cadre, id, "contacts", new { at = app.Now, channel = "phone", reached = true, note = "与张三丰通话，约定周三上门" });
        await app.Do(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "电梯已修复并通过检验" });
        var page = await app.Get(As.FrontDesk, id);

        var response = await app.CreateClient().GetAsync($"/api/track/{created.Str("trackingNo")}?code={created.Str("queryCode")}");

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var track = JsonDocument.Parse(text).RootElement;
        track.Str("trackingNo").ShouldBe(created.Str("trackingNo"));
        track.Str("status").ShouldBe("resolved");
        track.Str("unitName").ShouldBe("区住房和城乡建设委员会");
        track.At("acceptDeadline").ShouldBe(page.GetProperty("deadlines").At("accept"));
        track.At("handleDeadline").ShouldBe(page.GetProperty("deadlines").At("handle"));
        var replies = track.GetProperty("replies").EnumerateArray().Select(r => r.Str("text")!).ToList();
        replies.ShouldContain(r => r.Contains("电梯已修复并通过检验"));

        foreach (var personal in new[] { "张三丰", "张*", "13812345678", "138****5678", "002X", "湖滨路88号", "cadre1", "刘洋", "约定周三上门" })
        {
            text.ShouldNotContain(personal, Case.Sensitive, $"the public page shows {personal}");
        }
    }

    [Fact]
    public async Task A_wrong_code_looks_exactly_like_a_case_that_does_not_exist()
    {
        var created = await app.Log();
        var code = created.Str("queryCode")!;
        var wrongCode = code == "000000" ? "000001" : "000000";
        var anonymous = app.CreateClient();

        var wrong = await anonymous.GetAsync($"/api/track/{created.Str("trackingNo")}?code={wrongCode}");
        var missing = await anonymous.GetAsync($"/api/track/GD20000101-9999?code={code}");

        var wrongBody = await wrong.ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        var missingBody = await missing.ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        WithoutTraceId(wrongBody).ShouldBe(WithoutTraceId(missingBody));
        wrong.Content.Headers.ContentLength.HasValue.ShouldBe(missing.Content.Headers.ContentLength.HasValue);
    }

    [Fact]
    public async Task Tracking_needs_the_code()
    {
        var created = await app.Log();

        var response = await app.CreateClient().GetAsync($"/api/track/{created.Str("trackingNo")}");

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(created.Str("subject")!);
    }

    [Fact]
    public async Task The_case_api_itself_needs_a_sign_in()
    {
        var created = await app.Log();

        (await app.CreateClient().GetAsync($"/api/cases/{created.Id()}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static string WithoutTraceId(JsonElement problem)
    {
        var node = JsonNode.Parse(problem.GetRawText())!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    [Fact]
    public async Task A_tracking_number_is_found_whatever_its_letter_case()
    {
        var created = await app.Log();
        var lower = created.Str("trackingNo")!.ToLowerInvariant();

        var track = await (await app.CreateClient().GetAsync($"/api/track/{lower}?code={created.Str("queryCode")}")).ShouldBeOk<JsonElement>();

        track.Str("trackingNo").ShouldBe(created.Str("trackingNo"));
    }

    [Fact]
    public async Task A_repeat_merged_into_a_case_being_handled_shows_that_cases_progress_under_its_own_number()
    {
        var original = await app.Log();
        await app.Do(As.Cadre, original.Id(), "accept");
        var repeat = await app.Log(app.NewIntake() with { RepeatOfCaseId = original.Id() });
        repeat.Status().ShouldBe("merged");

        var track = await (await app.CreateClient().GetAsync($"/api/track/{repeat.Str("trackingNo")}?code={repeat.Str("queryCode")}")).ShouldBeOk<JsonElement>();

        track.Str("trackingNo").ShouldBe(repeat.Str("trackingNo"));
        track.Str("status").ShouldBe("accepted");
        track.Str("statusName").ShouldBe($"已并入{original.Str("trackingNo")}办理：已受理");
        track.Str("unitName").ShouldBe("区住房和城乡建设委员会");
        track.Time("handleDeadline").ShouldNotBeNull();
        track.GetProperty("replies").EnumerateArray().Select(r => r.Str("text")!).ShouldContain(t => t.Contains("承办单位已受理"));
    }

    [Fact]
    public async Task A_consultation_answered_on_the_spot_shows_as_answered()
    {
        var answered = await app.Log(app.NewIntake() with { Kind = "consultation", Answer = "可携带身份证到街道政务服务中心办理。", AnswerChannel = "phone" });

        var track = await (await app.CreateClient().GetAsync($"/api/track/{answered.Str("trackingNo")}?code={answered.Str("queryCode")}")).ShouldBeOk<JsonElement>();

        track.Str("statusName").ShouldBe("已答复");
    }
}
