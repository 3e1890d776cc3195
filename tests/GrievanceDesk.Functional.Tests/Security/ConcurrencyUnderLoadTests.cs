using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text.Json;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// Eight people writing on one case at once, while the desk logs two hundred cases: nothing is lost, nothing is
/// doubled, every tracking number is unique, and every 409 says why (a problem type the API documents).
/// </summary>
public sealed class ConcurrencyUnderLoadTests : IClassFixture<CaseApp>
{
    private const int NotesPerWriter = 5;
    private const int Intakes = 200;

    private static readonly string[] ExtraCadres = ["cadre-a", "cadre-b", "cadre-c", "cadre-d", "cadre-e"];

    private readonly CaseApp app;
    private readonly ITestOutputHelper output;

    public ConcurrencyUnderLoadTests(CaseApp app, ITestOutputHelper output)
    {
        this.app = app;
        this.output = output;
        app.Clock.Reset();
    }

    /// <summary>Every slug a 409 may carry: the case's rules, and the conflicts of concurrent writers.</summary>
    private static readonly HashSet<string> KnownConflicts =
    [
        .. typeof(RuleSlugs).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => ProblemAssertions.TypeBase + (string)f.GetRawConstantValue()!),
        ProblemAssertions.TypeBase + "concurrency-conflict",
        ProblemAssertions.TypeBase + "write-conflict",
    ];

    [Fact]
    public async Task Eight_writers_on_one_case_and_two_hundred_parallel_intakes_lose_nothing_and_explain_every_409()
    {
        foreach (var (cadre, i) in ExtraCadres.Select((c, i) => (c, i)))
        {
            await app.CreateUser(cadre, $"承办人{i}", ["Cadre"], "QH-ZJW");
        }

        string[] writers = [As.Cadre, "cadre2", As.UnitLeader, .. ExtraCadres];
        writers.Length.ShouldBe(8);
        var caseId = await app.CaseIn("in_progress");
        var startVersion = (await app.Get(As.Cadre, caseId)).Version();
        foreach (var user in writers.Append(As.FrontDesk).Append(As.Dispatcher))
        {
            await app.Client(user);
        }

        var conflicts = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var written = new ConcurrentBag<string>();
        var intakes = new ConcurrentBag<(HttpStatusCode Status, string Body)>();

        var writing = writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var n = 0; n < NotesPerWriter; n++)
            {
                var note = $"并发记录 w{w}-n{n}";
                var contact = n % 2 == 1;
                // A form carries the version it was loaded with: a write over a newer one is refused, reloaded and sent again.
                for (var attempt = 0; ; attempt++)
                {
                    var version = (await app.Get(writer, caseId)).Version();
                    var body = contact ? (object)new { at = app.Now, channel = "phone", reached = true, note } : new { note };
                    using var response = await app.Post(writer, caseId, contact ? "contacts" : "progress", body, ifMatch: version);
                    var text = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        written.Add(note);
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.Conflict && attempt < 100)
                    {
                        conflicts.Add(JsonDocument.Parse(text).RootElement.Str("type") ?? "(no type)");
                        continue;
                    }

                    failures.Add($"{writer} {note}: {(int)response.StatusCode} {text}");
                    break;
                }
            }
        })).ToList();

        var logging = Enumerable.Range(0, Intakes).Select(i => Task.Run(async () =>
        {
            using var response = await app.Send(i % 2 == 0 ? As.FrontDesk : As.Dispatcher, HttpMethod.Post, "/api/cases", app.NewIntake());
            intakes.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        })).ToList();

        await Task.WhenAll(writing.Concat(logging));

        output.WriteLine($"{written.Count} writes on one case after {conflicts.Count} refused with 409 ({string.Join(", ", conflicts.GroupBy(c => c).Select(g => $"{g.Key[ProblemAssertions.TypeBase.Length..]}×{g.Count()}"))}); " +
            $"{intakes.Count(r => r.Status == HttpStatusCode.Created)} of {Intakes} intakes created");
        failures.ShouldBeEmpty();

        // The one case: every accepted write is on the timeline exactly once, numbered without gaps, and counted in the version.
        var page = await app.Get(As.Cadre, caseId);
        var timeline = page.GetProperty("timeline").EnumerateArray().ToList();
        written.Count.ShouldBe(writers.Length * NotesPerWriter);
        foreach (var note in written)
        {
            timeline.Count(t => t.Str("summary")!.EndsWith(note, StringComparison.Ordinal)).ShouldBe(1, note);
        }

        timeline.Select(t => t.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, timeline.Count));
        page.Version().ShouldBe(startVersion + written.Count);
        page.GetProperty("contacts").GetArrayLength().ShouldBe(writers.Length * (NotesPerWriter / 2));

        // Every 409 is explained by a problem type the API documents.
        conflicts.Where(c => !KnownConflicts.Contains(c)).ShouldBeEmpty();

        // The two hundred intakes: every response is a case or an explained conflict, and no tracking number twice.
        var unexplained = intakes.Where(r => r.Status != HttpStatusCode.Created
            && !(r.Status == HttpStatusCode.Conflict && KnownConflicts.Contains(JsonDocument.Parse(r.Body).RootElement.Str("type") ?? string.Empty))).ToList();
        unexplained.Select(r => $"{(int)r.Status} {r.Body}").ShouldBeEmpty();
        var created = intakes.Where(r => r.Status == HttpStatusCode.Created).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var numbers = created.Select(c => c.Str("trackingNo")!).ToList();
        numbers.Distinct().Count().ShouldBe(numbers.Count);
        var ids = created.Select(c => c.Id()).ToList();
        var registered = await app.Query(db => db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.TrackingNo, Registered = c.Timeline.Count(t => t.Action == TimelineActions.Registered) })
            .ToListAsync());
        registered.Count.ShouldBe(created.Count, "every 201 is a case in the database");
        registered.ShouldAllBe(c => c.Registered == 1);
        registered.Select(c => c.TrackingNo).ShouldBe(numbers, ignoreOrder: true);
        (await app.Query(db => db.Cases.CountAsync(c => c.TrackingNo.StartsWith("GD")))).ShouldBe(await app.Query(db => db.Cases.Select(c => c.TrackingNo).Distinct().CountAsync()));
    }
}
