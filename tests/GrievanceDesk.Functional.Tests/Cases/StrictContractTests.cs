using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// Issue 12: a request that leaves out an enum, bool or time its contract requires, spells an enum differently, or
/// writes a time without its offset is a 400 that names the field, never a silently defaulted value.
/// </summary>
public sealed class StrictContractTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public StrictContractTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    private JsonObject IntakeJson() => JsonSerializer.SerializeToNode(app.NewIntake(), GrievanceDeskFactory.Json)!.AsObject();

    [Theory]
    [InlineData("channel")]
    [InlineData("kind")]
    [InlineData("urgency")]
    [InlineData("anonymous")]
    [InlineData("receivedAt")]
    public async Task Intake_without_a_required_field_is_refused_naming_it(string field)
    {
        var body = IntakeJson();
        body.Remove(field).ShouldBeTrue();

        var response = await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", body);

        await response.ShouldNameField(field);
        (await app.Query(db => Task.FromResult(db.Cases.Count(c => c.Subject == body["subject"]!.GetValue<string>() && c.Content == body["content"]!.GetValue<string>()))))
            .ShouldBe(0);
    }

    [Theory]
    [InlineData("channel", "VISIT")]
    [InlineData("channel", " visit")]
    [InlineData("channel", "Visit")]
    [InlineData("channel", "visit ")]
    [InlineData("channel", "walk_in")]
    [InlineData("channel", "")]
    [InlineData("kind", "Claim")]
    [InlineData("urgency", "URGENT")]
    public async Task Intake_with_an_unknown_or_mis_cased_enum_value_is_refused_naming_it(string field, string value)
    {
        var body = IntakeJson();
        body[field] = value;

        var response = await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", body);

        await response.ShouldNameField(field);
    }

    [Fact]
    public async Task An_enum_given_as_a_number_is_refused()
    {
        var body = IntakeJson();
        body["channel"] = 1;

        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", body)).ShouldNameField("channel");
    }

    [Theory]
    [InlineData("2026-11-28T01:00:00")]
    [InlineData("2026-11-28T01:00:00.123")]
    [InlineData("2026-11-28")]
    public async Task A_time_without_an_offset_is_refused_saying_an_offset_is_required(string receivedAt)
    {
        var body = IntakeJson();
        body["receivedAt"] = receivedAt;

        var response = await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", body);

        await response.ShouldNameField("receivedAt");
        (await response.Content.ReadAsStringAsync()).ShouldContain("+08:00");
    }

    [Theory]
    [InlineData("2026-11-28T01:00:00+08:00")]
    [InlineData("2026-11-27T17:00:00Z")]
    public async Task A_time_with_an_offset_is_the_same_instant_on_every_host(string receivedAt)
    {
        var body = IntakeJson();
        body["receivedAt"] = receivedAt;

        var created = await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", body)).ShouldBeOk<JsonElement>(HttpStatusCode.Created);

        created.Time("receivedAt")!.Value.UtcDateTime.ShouldBe(new DateTime(2026, 11, 27, 17, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    [InlineData("return-visit", """{"note":"电话回访"}""", "satisfaction")]
    [InlineData("return-visit", """{"satisfaction":"satisfied","note":"电话回访"}""", "solved")]
    [InlineData("return-visit", """{"satisfaction":"Satisfied","solved":true}""", "satisfaction")]
    [InlineData("resolution", """{"summary":"已处理"}""", "outcome")]
    [InlineData("resolution", """{"outcome":"RESOLVED","summary":"已处理"}""", "outcome")]
    [InlineData("feedback", """{"at":"2026-03-02T10:00:00+08:00","reached":true,"content":"已告知"}""", "channel")]
    [InlineData("feedback", """{"channel":"phone","at":"2026-03-02T10:00:00+08:00","content":"已告知"}""", "reached")]
    [InlineData("feedback", """{"channel":"phone","reached":true,"content":"已告知"}""", "at")]
    [InlineData("feedback", """{"channel":"phone","at":"2026-03-02T10:00:00","reached":true,"content":"已告知"}""", "at")]
    [InlineData("contacts", """{"at":"2026-03-02T10:00:00+08:00","reached":true,"note":"已联系"}""", "channel")]
    [InlineData("contacts", """{"channel":"phone","at":"2026-03-02T10:00:00+08:00","note":"已联系"}""", "reached")]
    [InlineData("answer", """{"answer":"已当场答复"}""", "channel")]
    public async Task A_case_command_without_a_required_field_is_refused_naming_it(string action, string json, string field)
    {
        var id = await app.LogId();

        var response = await app.Post(As.Dispatcher, id, action, JsonNode.Parse(json));

        await response.ShouldNameField(field);
    }
}
