using System.Net;
using System.Text;
using GrievanceDesk.Functional.Tests.Cases;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// docs/product.md §1 over the whole API: every endpoint of the OpenAPI document, called by each role (and by nobody), answers
/// as <see cref="AccessRules"/> says — allowed, 401, 403, or 404 for a case of another unit. An endpoint that is not in
/// the table fails the suite until someone decides who may call it.
/// </summary>
public sealed class AccessMatrixTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public AccessMatrixTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task Every_endpoint_of_the_OpenAPI_document_has_an_access_rule_and_every_rule_an_endpoint()
    {
        var api = await ApiSurface.Load(app);
        var documented = api.Operations.Select(o => o.Key).ToHashSet();

        var withoutRule = documented.Where(k => !AccessRules.Expected.ContainsKey(k)).Order().ToList();
        var withoutEndpoint = AccessRules.Expected.Keys.Where(k => !documented.Contains(k)).Order().ToList();

        withoutRule.ShouldBeEmpty($"endpoints without an access rule in {nameof(AccessRules)}: {string.Join("; ", withoutRule)}");
        withoutEndpoint.ShouldBeEmpty($"access rules for endpoints the API no longer has: {string.Join("; ", withoutEndpoint)}");
    }

    [Fact]
    public async Task Every_caller_gets_exactly_the_access_section_1_gives_it_on_every_endpoint()
    {
        var api = await ApiSurface.Load(app);
        var shared = await SecurityTargets.Prepare(app);
        var mismatches = new List<string>();
        var checkedCalls = 0;

        foreach (var op in api.Operations.Where(o => AccessRules.Expected.ContainsKey(o.Key)))
        {
            foreach (var caller in AccessRules.Callers)
            {
                var expected = AccessRules.For(op.Key, caller);

                // A write that is let through changes its case: each gets a fresh one, so the next caller meets the same start.
                var targets = op.IsCaseBound && op.IsWrite && expected == Access.Allowed ? shared with { CaseId = await app.LogId() } : shared;
                using var request = new HttpRequestMessage(new HttpMethod(op.Method), SampleRequests.Path(op, targets));
                if (op.BodySchema is not null)
                {
                    // Past the role check only a valid body reaches the case rules; admin routes are checked before the body is read.
                    var body = op.Template.StartsWith("/api/admin", StringComparison.Ordinal) ? "{}" : SampleRequests.Body(op, targets)?.ToJsonString() ?? "{}";
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                var client = await SecurityTargets.ClientFor(app, caller);
                using var response = await client.SendAsync(request);
                checkedCalls++;
                var text = await response.Content.ReadAsStringAsync();
                var actual = response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => Access.Unauthenticated,
                    HttpStatusCode.Forbidden => Access.Forbidden,
                    HttpStatusCode.NotFound when op.IsCaseBound => Access.Hidden,
                    _ => Access.Allowed,
                };
                if ((int)response.StatusCode >= 500)
                {
                    mismatches.Add($"{op.Key} as {caller}: {(int)response.StatusCode} {Short(text)}");
                }
                else if (actual != expected)
                {
                    mismatches.Add($"{op.Key} as {caller}: expected {expected}, got {(int)response.StatusCode} {Short(text)}");
                }
                else if (actual != Access.Allowed && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    mismatches.Add($"{op.Key} as {caller}: {(int)response.StatusCode} without a problem body");
                }
            }
        }

        mismatches.ShouldBeEmpty($"{mismatches.Count} of {checkedCalls} calls:\n{string.Join("\n", mismatches)}");
        checkedCalls.ShouldBeGreaterThanOrEqualTo(AccessRules.Expected.Count * AccessRules.Callers.Count);
    }

    private static string Short(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
