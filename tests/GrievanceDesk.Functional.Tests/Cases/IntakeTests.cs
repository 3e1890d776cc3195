using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Cases;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>POST /api/cases: what is kept, what is refused, the tracking number, and routing and assignment on intake.</summary>
public sealed partial class IntakeTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public IntakeTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task Every_field_of_an_intake_is_kept_and_personal_numbers_are_shown_masked()
    {
        var photo = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var receivedAt = DateTimeOffset.FromUnixTimeSeconds(app.Now.AddDays(-6).ToUnixTimeSeconds()).ToOffset(CaseApp.CstOffset);
        var intake = new Intake
        {
            Channel = "letter",
            Kind = "suggestion",
            Urgency = "urgent",
            ReceivedAt = receivedAt,
            Complainants =
            [
                new Person("张三", "13812345678", "11010519491231002X", "湖滨路1号3单元502"),
                new Person("李四", "010-62345678"),
            ],
            HeadCount = 2,
            CategoryCode = "CSJS-FWZL",
            RegionCode = "QH-XH-HB",
            Address = "湖滨路1号",
            Subject = "新建楼房墙体开裂",
            Content = "交房不到一年，3单元外墙多处开裂渗水。",
            RespondentUnitCode = "QH-WYGS",
            RespondentName = "王经理",
            Attachments = [new Attachment("墙体裂缝.jpg", "image/jpeg", Convert.ToBase64String(photo))],
        };

        var response = await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", intake);

        var created = await response.ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/cases/{created.Id()}");
        var read = await app.Get(As.FrontDesk, created.Id());
        foreach (var c in new[] { created, read })
        {
            c.Str("channel").ShouldBe("letter");
            c.Str("kind").ShouldBe("suggestion");
            c.Str("urgency").ShouldBe("urgent");
            c.Time("receivedAt").ShouldBe(receivedAt);
            c.Time("receivedAt")!.Value.Offset.ShouldBe(CaseApp.CstOffset);
            c.At("registeredAt").ShouldBe(app.Now, TimeSpan.FromSeconds(1));
            c.GetProperty("isAnonymous").GetBoolean().ShouldBeFalse();
            c.GetProperty("headCount").GetInt32().ShouldBe(2);
            c.GetProperty("isCollective").GetBoolean().ShouldBeFalse();
            c.GetProperty("category").Str("code").ShouldBe("CSJS-FWZL");
            c.GetProperty("region").Str("code").ShouldBe("QH-XH-HB");
            c.Str("address").ShouldBe("湖滨路1号");
            c.Str("subject").ShouldBe("新建楼房墙体开裂");
            c.Str("content").ShouldBe("交房不到一年，3单元外墙多处开裂渗水。");
            c.GetProperty("respondentUnit").Str("code").ShouldBe("QH-WYGS");
            c.Str("respondentName").ShouldBe("王经理");
            var people = c.GetProperty("complainants").EnumerateArray().ToList();
            people.Count.ShouldBe(2);
            people[0].Str("name").ShouldBe("张三");
            people[0].Str("phone").ShouldBe("138****5678");
            people[0].Str("idNumber").ShouldBe("110***********002X");
            people[0].Str("address").ShouldBe("湖滨路1号3单元502");
            people[1].Str("name").ShouldBe("李四");
            people[1].Str("phone")!.ShouldNotContain("6234");
            var file = c.GetProperty("attachments").EnumerateArray().ShouldHaveSingleItem();
            file.Str("fileName").ShouldBe("墙体裂缝.jpg");
            file.Str("contentType").ShouldBe("image/jpeg");
            file.GetProperty("sizeBytes").GetInt64().ShouldBe(300);
            c.GetProperty("deadlines").Time("accept").ShouldNotBeNull();
            c.Actions()[0].ShouldBe("registered");
        }

        read.GetRawText().ShouldNotContain("13812345678");
        read.GetRawText().ShouldNotContain("11010519491231002X");
        var stored = await app.Query(async db =>
        {
            var key = await db.Cases.Where(c => c.Id == created.Id()).SelectMany(c => c.Attachments).Select(a => a.StorageKey).SingleAsync();
            return await db.Set<AttachmentBlob>().Where(b => b.Key == key).Select(b => b.Content).SingleAsync();
        });
        stored.ShouldBe(photo);
    }

    [Fact]
    public async Task A_received_time_in_the_future_is_refused_and_nothing_is_logged()
    {
        var intake = app.NewIntake() with { ReceivedAt = app.Now.AddHours(1) };

        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", intake)).ShouldNameField("receivedAt");

        var found = await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(intake.Subject)}");
        found.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_letter_received_last_week_is_logged_with_that_received_time()
    {
        var receivedAt = app.Now.AddDays(-7);

        var created = await app.Log(app.NewIntake() with { Channel = "letter", ReceivedAt = receivedAt });

        created.At("receivedAt").ShouldBe(receivedAt, TimeSpan.FromSeconds(1));
        created.Time("registeredAt")!.Value.ShouldBeGreaterThan(receivedAt.AddDays(6));
    }

    [Fact]
    public async Task An_anonymous_case_is_logged_without_complainants_and_nobody_is_texted()
    {
        var created = await app.Log(app.NewIntake() with { Anonymous = true, Complainants = null });

        created.GetProperty("isAnonymous").GetBoolean().ShouldBeTrue();
        created.GetProperty("complainants").GetArrayLength().ShouldBe(0);
        (await app.Outbox(created.Id())).ShouldNotContain(m => m.Channel == "sms");
    }

    [Fact]
    public async Task A_case_names_its_complainants_or_is_anonymous_never_both_nor_neither()
    {
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { Anonymous = true }))
            .ShouldNameField("complainants");
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { Complainants = [] }))
            .ShouldNameField("complainants");
    }

    [Fact]
    public async Task A_named_complainant_is_texted_the_tracking_number_and_query_code()
    {
        var intake = app.NewIntake();

        var created = await app.Log(intake);

        var sms = (await app.Outbox(created.Id())).Where(m => m.Channel == "sms").ShouldHaveSingleItem();
        sms.Recipient.ShouldBe(intake.Complainants![0].Phone);
        sms.Template.ShouldBe("case-registered");
        sms.Body.ShouldContain(created.Str("trackingNo")!);
        sms.Body.ShouldContain(created.Str("queryCode")!);
    }

    [Fact]
    public async Task Five_people_make_a_collective_petition_that_is_urgent_and_told_to_the_leaders_at_once()
    {
        var collective = await app.Log(app.NewIntake() with { Channel = "visit", HeadCount = 5, Urgency = "normal" });
        var four = await app.Log(app.NewIntake() with { Channel = "visit", HeadCount = 4, Urgency = "normal" });

        collective.GetProperty("isCollective").GetBoolean().ShouldBeTrue();
        collective.Str("urgency").ShouldBe("urgent");
        var toLeaders = (await app.Outbox(collective.Id())).Where(m => m.Template == "collective-petition").ToList();
        toLeaders.ShouldHaveSingleItem().Recipient.ShouldBe(As.Leader);
        toLeaders[0].Channel.ShouldBe("internal");
        toLeaders[0].Body.ShouldContain("5人");

        four.GetProperty("isCollective").GetBoolean().ShouldBeFalse();
        four.Str("urgency").ShouldBe("normal");
        (await app.Outbox(four.Id())).ShouldNotContain(m => m.Template == "collective-petition");
    }

    [Fact]
    public async Task Tracking_numbers_count_per_China_day_and_come_with_a_six_digit_query_code()
    {
        // 23:30 CST on 20 November is still 15:30 UTC of the same day; 00:30 CST on the 21st is 16:30 UTC on the 20th.
        app.Clock.Now = CaseApp.Cst(2026, 11, 20, 23, 30);
        var first = await app.Log();
        var second = await app.Log();
        app.Clock.Now = CaseApp.Cst(2026, 11, 21, 0, 30);
        var nextDay = await app.Log();

        first.Str("trackingNo").ShouldBe("GD20261120-0001");
        second.Str("trackingNo").ShouldBe("GD20261120-0002");
        nextDay.Str("trackingNo").ShouldBe("GD20261121-0001");
        foreach (var c in new[] { first, second, nextDay })
        {
            TrackingNo().IsMatch(c.Str("trackingNo")!).ShouldBeTrue();
            QueryCode().IsMatch(c.Str("queryCode")!).ShouldBeTrue(c.Str("queryCode"));
        }

        // The query code is for the office and the complainant, not for the unit.
        (await app.Get(As.Cadre, first.Id())).Str("queryCode").ShouldBeNull();
    }

    [Theory]
    [InlineData("CSJS-WYGL", "QH-DF-GM", "QH-DF", "CSJS-WYGL", "QH-DF")] // category + region beats category
    [InlineData("CSJS-WYGL", "QH-NY-JY", "QH-ZJW", "CSJS", null)] // category beats region
    [InlineData("CSJS-FWZL", "QH-XH-HB", "QH-ZJW", "CSJS", null)] // a sub-category takes its parent's rule
    [InlineData("ZDCQ-BC", "QH-NY-FH", "QH-NY", null, "QH-NY")] // region alone, when no category rule exists
    public async Task A_rule_hit_dispatches_the_case_at_once_to_the_most_specific_rules_unit(
        string category, string region, string unit, string? ruleCategory, string? ruleRegion)
    {
        var created = await app.Log(app.NewIntake() with { CategoryCode = category, RegionCode = region });

        created.Status().ShouldBe("dispatched");
        created.UnitCode().ShouldBe(unit);
        created.GetProperty("routingRuleId").GetInt32().ShouldBe(await app.RuleId(ruleCategory, ruleRegion));
        created.At("dispatchedAt").ShouldBe(app.Now, TimeSpan.FromSeconds(1));
        created.Actions().Take(2).ShouldBe(["registered", "dispatched"]);
    }

    [Fact]
    public async Task A_case_that_no_rule_matches_waits_in_the_dispatcher_queue()
    {
        var created = await app.Log(app.NewIntake() with { CategoryCode = "GBZF-ZF", RegionCode = "QH-XH-HB" });

        created.Status().ShouldBe("registered");
        created.GetProperty("unit").ValueKind.ShouldBe(JsonValueKind.Null);
        created.GetProperty("routingRuleId").ValueKind.ShouldBe(JsonValueKind.Null);
        created.Str("cadreUserName").ShouldBeNull();
        var queue = await app.GetJson(As.Dispatcher, "/api/cases?status=registered&pageSize=100");
        queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldContain(created.Id());
    }

    [Fact]
    public async Task Auto_assign_gives_the_case_to_the_cadre_of_the_unit_with_the_fewest_open_cases()
    {
        // Make cadre1 busier than cadre2 by two open cases, by the dispatcher's hand.
        var (one, two) = (await OpenCases("cadre1"), await OpenCases("cadre2"));
        for (var i = 0; i < two - one + 2; i++)
        {
            var queued = await app.LogId(app.NewIntake() with { CategoryCode = "GBZF-ZF" });
            (await app.Do(As.Dispatcher, queued, "dispatch", new { unitCode = "QH-ZJW", cadreUserName = "cadre1" })).Str("cadreUserName").ShouldBe("cadre1");
        }

        (await OpenCases("cadre1")).ShouldBe(await OpenCases("cadre2") + 2);

        var first = await app.Log();
        first.UnitCode().ShouldBe("QH-ZJW");
        first.Str("cadreUserName").ShouldBe("cadre2");
        var told = await app.Outbox(first.Id());
        told.ShouldContain(m => m.Template == "case-dispatched" && m.Recipient == As.UnitLeader);
        told.ShouldContain(m => m.Template == "case-assigned" && m.Recipient == "cadre2");

        // cadre1 still leads by one: the next case goes to cadre2 too, and then they are even.
        (await app.Log()).Str("cadreUserName").ShouldBe("cadre2");
        (await OpenCases("cadre1")).ShouldBe(await OpenCases("cadre2"));
    }

    [Fact]
    public async Task A_unit_without_auto_assign_waits_for_its_leader_to_assign_a_cadre_of_the_unit()
    {
        var created = await app.Log(app.NewIntake() with { CategoryCode = "CSJS-WYGL", RegionCode = "QH-DF-XY" });
        created.UnitCode().ShouldBe("QH-DF");
        created.Str("cadreUserName").ShouldBeNull();

        await (await app.Post("unitleader2", created.Id(), "assign", new { cadreUserName = "cadre1" })).ShouldNameField("cadreUserName");
        await (await app.Post("cadre3", created.Id(), "assign", new { cadreUserName = "cadre3" })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        var assigned = await app.Do("unitleader2", created.Id(), "assign", new { cadreUserName = "cadre3" });

        assigned.Str("cadreUserName").ShouldBe("cadre3");
        assigned.Actions()[^1].ShouldBe("assigned");
        (await app.Outbox(created.Id())).ShouldContain(m => m.Template == "case-assigned" && m.Recipient == "cadre3");
    }

    [Fact]
    public async Task An_unknown_category_region_or_respondent_is_named_in_a_400()
    {
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { CategoryCode = "NOPE" })).ShouldNameField("categoryCode");
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { RegionCode = "NOPE" })).ShouldNameField("regionCode");
        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake() with { RespondentUnitCode = "NOPE" })).ShouldNameField("respondentUnitCode");
    }

    [Fact]
    public async Task Only_the_office_logs_cases()
    {
        var response = await app.Send(As.Cadre, HttpMethod.Post, "/api/cases", app.NewIntake());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<int> OpenCases(string cadre) => app.Query(db => db.Cases
        .CountAsync(c => c.CadreUserName == cadre && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Merged));

    [GeneratedRegex(@"^GD\d{8}-\d{4}$")]
    private static partial Regex TrackingNo();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex QueryCode();
}
