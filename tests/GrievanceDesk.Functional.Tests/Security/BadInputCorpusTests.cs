using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// docs/product.md §7: every input is validated before the domain, no input produces a 500, and a refused request writes nothing.
/// A generated corpus of wrong requests goes to every write endpoint, signed in as a role that may call it; each must
/// get a 4xx problem, and every table of the database must be exactly as it was (rows counted and hashed).
/// </summary>
public sealed partial class BadInputCorpusTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;
    private readonly ITestOutputHelper output;

    public BadInputCorpusTests(CaseApp app, ITestOutputHelper output)
    {
        this.app = app;
        this.output = output;
        app.Clock.Reset();
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_write_route_the_app_maps()
    {
        var api = await ApiSurface.Load(app);
        var documented = api.Operations.Where(o => o.IsWrite).Select(o => o.Key).ToHashSet();

        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "DELETE" or "PATCH")
                .Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        mapped.Except(documented).ShouldBeEmpty("write routes missing from the OpenAPI document escape the corpus");
        mapped.Count.ShouldBeGreaterThan(30);
    }

    [Fact]
    public async Task A_generated_corpus_of_bad_requests_to_every_write_endpoint_is_refused_with_4xx_problems_and_writes_nothing()
    {
        var api = await ApiSurface.Load(app);
        var targets = await SecurityTargets.Prepare(app) with
        {
            // Real ids, so that the handlers behind the validators meet real rows.
            ReferenceId = "1",
            UserName = "cadre2",
            Date = "2026-10-01",
            JobId = "escalation-sweep",
            SignInUser = "no-such-user",
        };
        foreach (var caller in AccessRules.Callers.Where(c => c != AccessRules.Anonymous))
        {
            await SecurityTargets.ClientFor(app, caller); // sign in before the first snapshot: a sign-in writes
        }

        // Each case command meets a case in a status where its valid sample would be taken, so that what refuses the
        // bad request is the bad input, and the handler and the aggregate behind the validator are reached too.
        var caseIn = new Dictionary<string, long>();
        foreach (var status in CaseStatusFor.Values.Distinct())
        {
            caseIn[status] = await app.CaseIn(status);
        }

        var writes = api.Operations.Where(o => o.IsWrite).ToList();
        writes.Count.ShouldBeGreaterThan(30);
        var failures = new List<string>();
        var sent = 0;
        var byStatus = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        foreach (var op in writes)
        {
            var caller = AccessRules.FirstAllowed(op.Key);
            var client = await SecurityTargets.ClientFor(app, caller);
            var before = await DatabaseSnapshot.Take(app);
            var opTargets = op.IsCaseBound ? targets with { CaseId = caseIn[CaseStatusFor.GetValueOrDefault(op.Template.Split('/')[4], "in_progress")] } : targets;
            foreach (var bad in BadRequests.For(op, api, opTargets))
            {
                using var request = bad.ToMessage();
                using var response = await client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                if (status is < 400 or >= 500)
                {
                    failures.Add($"{status} as {caller}: {bad} → {Short(await response.Content.ReadAsStringAsync())}");
                }
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{status} without a problem body as {caller}: {bad}");
                }
            }

            var changed = DatabaseSnapshot.Diff(before, await DatabaseSnapshot.Take(app));
            if (changed.Count > 0)
            {
                failures.Add($"{op.Key} as {caller} wrote: {string.Join("; ", changed)}");
            }
        }

        output.WriteLine($"{sent} bad requests to {writes.Count} write endpoints in {clock.Elapsed.TotalSeconds:F1} s; by status: {string.Join(", ", byStatus.Select(s => $"{s.Key}×{s.Value}"))}");
        failures.ShouldBeEmpty($"{failures.Count} of {sent} requests:\n{string.Join("\n", failures.Take(80))}");
        sent.ShouldBeGreaterThanOrEqualTo(500);
    }

    [Fact]
    public async Task SQL_and_HTML_in_free_text_are_stored_and_returned_as_written_and_harm_nothing()
    {
        const string sql = "'); DROP TABLE Cases; -- 1' OR '1'='1";
        const string html = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var intake = app.NewIntake() with { Subject = sql, Content = html, Address = $"{html} {sql}" };

        var created = await app.Log(intake);
        var progressed = await app.Do(As.Cadre, created.Id(), "accept");
        await app.Do(As.Cadre, progressed.Id(), "progress", new { note = sql + html });

        var page = await app.Get(As.FrontDesk, created.Id());
        page.Str("subject").ShouldBe(sql);
        page.Str("content").ShouldBe(html);
        page.GetProperty("timeline").EnumerateArray().ShouldContain(t => t.GetProperty("summary").GetString()!.Contains(sql + html));
        var list = await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString("DROP TABLE")}");
        list.GetProperty("items").EnumerateArray().ShouldContain(i => i.Id() == created.Id());
        (await app.GetJson(As.FrontDesk, "/api/cases?pageSize=1")).GetProperty("total").GetInt32().ShouldBeGreaterThan(0, "the Cases table is still there");

        // The markup leaves as JSON data, never as a page a browser would run.
        var response = await app.Send(As.FrontDesk, HttpMethod.Get, $"/api/cases/{created.Id()}");
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Str("content").ShouldBe(html);
    }

    /// <summary>The status a case command starts from (the last segment of its route); the rest take a case in progress.</summary>
    private static readonly Dictionary<string, string> CaseStatusFor = new(StringComparer.Ordinal)
    {
        ["dispatch"] = "dispatched",
        ["accept"] = "dispatched",
        ["return"] = "dispatched",
        ["assign"] = "dispatched",
        ["feedback"] = "resolved",
        ["close"] = "resolved",
        ["return-visit"] = "closed",
        ["merge"] = "registered",
        ["repeat-of"] = "registered",
        ["not-accept"] = "registered",
        ["answer"] = "registered",
        ["progress"] = "in_progress",
    };

    private static string Normalize(string raw) => RouteConstraint().Replace(raw, "{$1}").TrimEnd('/');

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex RouteConstraint();
}
