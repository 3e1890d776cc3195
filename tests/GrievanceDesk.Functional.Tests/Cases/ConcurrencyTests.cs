using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>Idempotent intake, tracking numbers under load, and two people writing one case at once.</summary>
public sealed class ConcurrencyTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public ConcurrencyTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task Twenty_parallel_intakes_with_one_Idempotency_Key_log_exactly_one_case()
    {
        var key = Guid.NewGuid().ToString();
        var intake = app.NewIntake();
        await app.Client(As.FrontDesk);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", intake, idempotencyKey: key)));

        var bodies = new List<JsonElement>();
        foreach (var response in responses)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], body);
            bodies.Add(JsonDocument.Parse(body).RootElement);
        }

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        bodies.Select(b => b.Id()).Distinct().ShouldHaveSingleItem();
        bodies.Select(b => b.Str("trackingNo")).Distinct().ShouldHaveSingleItem();
        (await app.Query(db => db.Cases.CountAsync(c => c.Subject == intake.Subject))).ShouldBe(1);

        // A retry much later still answers with the first case.
        var retry = await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", intake, idempotencyKey: key);
        (await retry.ShouldBeOk<JsonElement>(HttpStatusCode.OK)).Id().ShouldBe(bodies[0].Id());
    }

    [Fact]
    public async Task Without_an_Idempotency_Key_two_identical_intakes_are_two_cases()
    {
        var intake = app.NewIntake();

        var first = await app.Log(intake);
        var second = await app.Log(intake);

        second.Id().ShouldNotBe(first.Id());
    }

    [Fact]
    public async Task Two_hundred_parallel_intakes_get_two_hundred_distinct_tracking_numbers()
    {
        await app.Client(As.FrontDesk);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", app.NewIntake())));

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.ShouldBeOk<JsonElement>(HttpStatusCode.Created)).Str("trackingNo")!);
        }

        numbers.Distinct().Count().ShouldBe(200);
        numbers.Select(n => n[..10]).Distinct().ShouldHaveSingleItem();
        var sequence = numbers.Select(n => int.Parse(n[11..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        (sequence[^1] - sequence[0]).ShouldBe(199, "the day's numbers have no gaps");
    }

    [Fact]
    public async Task Two_cadres_accepting_one_case_at_once_get_one_200_and_one_409()
    {
        var id = await app.CaseIn("dispatched");
        await app.Client("cadre1");
        await app.Client("cadre2");

        var responses = await Task.WhenAll(app.Post("cadre1", id, "accept"), app.Post("cadre2", id, "accept"));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        var problem = await loser.ShouldBeProblem(HttpStatusCode.Conflict);
        problem.GetProperty("type").GetString().ShouldBeOneOf(ProblemAssertions.TypeBase + "invalid-transition", ProblemAssertions.TypeBase + "concurrency-conflict");
        (await app.Get(As.Cadre, id)).Actions().Count(a => a == "accepted").ShouldBe(1);
    }

    [Fact]
    public async Task Two_cadres_saving_over_the_same_version_get_one_200_and_one_409_concurrency_conflict()
    {
        var id = await app.CaseIn("accepted");
        var version = (await app.Get(As.Cadre, id)).Version();
        await app.Client("cadre1");
        await app.Client("cadre2");

        var responses = await Task.WhenAll(
            app.Post("cadre1", id, "progress", new { note = "刘洋：已约物业周三现场查看" }, ifMatch: version),
            app.Post("cadre2", id, "progress", new { note = "孙悦：已联系电梯维保公司" }, ifMatch: version));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.Conflict, "concurrency-conflict");
        var after = await app.Get(As.Cadre, id);
        after.Version().ShouldBe(version + 1);
        after.Actions().Count(a => a == "progress-recorded").ShouldBe(1);
    }

    [Fact]
    public async Task A_write_over_a_stale_version_is_refused_and_one_over_the_current_version_is_taken()
    {
        var id = await app.CaseIn("accepted");
        var loaded = (await app.Get(As.Cadre, id)).Version();
        var saved = await app.Do("cadre2", id, "progress", new { note = "已联系物业" });
        saved.Version().ShouldBe(loaded + 1);

        await (await app.Post(As.Cadre, id, "progress", new { note = "我的旧页面上的进展" }, ifMatch: loaded)).ShouldBeProblem(HttpStatusCode.Conflict, "concurrency-conflict");

        var ok = await (await app.Post(As.Cadre, id, "progress", new { note = "刷新后再提交" }, ifMatch: saved.Version())).ShouldBeOk<JsonElement>();
        ok.Version().ShouldBe(saved.Version() + 1);
    }
}
