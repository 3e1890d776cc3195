using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Contract;

/// <summary>
/// The served OpenAPI document is a contract a generator can use: Redocly's recommended rules find no error, and the
/// conventions hold for every operation, including ones added later without any OpenAPI metadata.
/// </summary>
public sealed class ApiContractTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    [Fact]
    public async Task The_served_document_passes_redocly_lint_with_the_recommended_rules()
    {
        var redocly = await ContractTools.RedoclyAsync();
        var dir = Directory.CreateTempSubdirectory("gd-lint-").FullName;
        try
        {
            var document = Path.Combine(dir, "openapi.json");
            await File.WriteAllTextAsync(document, await app.CreateClient().GetStringAsync("/openapi/v1.json"));

            var lint = await ContractTools.RunAsync(redocly, ["lint", document, "--format=stylish", "--max-problems=1000"], dir, TimeSpan.FromMinutes(3));

            lint.ExitCode.ShouldBe(0, $"Redocly lint found errors in /openapi/v1.json:\n{lint.Output}");
            lint.Output.ShouldContain("valid");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Every_operation_carries_the_conventions()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var problems = new List<string>();

        document.GetProperty("servers").EnumerateArray().ShouldAllBe(s => !s.GetProperty("url").GetString()!.EndsWith('/'));
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty("bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty("partnerKey").GetProperty("in").GetString().ShouldBe("header");
        var tags = document.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out _));

        foreach (var (method, path, op) in Operations(document))
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            if (!op.TryGetProperty("operationId", out _) || !op.TryGetProperty("summary", out _) || !op.TryGetProperty("security", out _))
            {
                problems.Add($"{name}: operationId, summary and security are required");
            }

            foreach (var tag in op.GetProperty("tags").EnumerateArray())
            {
                if (!tags.GetValueOrDefault(tag.GetString()!))
                {
                    problems.Add($"{name}: tag {tag} is not described");
                }
            }

            var responses = op.GetProperty("responses");
            foreach (var response in responses.EnumerateObject().Where(r => r.Name.StartsWith('2') && r.Name != "204"))
            {
                if (!response.Value.TryGetProperty("content", out _))
                {
                    problems.Add($"{name}: response {response.Name} has no schema; return a TypedResults value or add .Produces<T>({response.Name})");
                }
            }

            var secured = op.GetProperty("security").EnumerateArray().Any(r => r.EnumerateObject().Any());
            if (secured && !responses.TryGetProperty("401", out _))
            {
                problems.Add($"{name}: a secured operation documents 401");
            }

            if (path.Contains('{') && !responses.TryGetProperty("404", out _))
            {
                problems.Add($"{name}: a path with a parameter documents 404");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_answers_201_with_location_and_case_writes_take_if_match()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        var intake = paths.GetProperty("/api/cases").GetProperty("post");
        var created = intake.GetProperty("responses").GetProperty("201");
        created.GetProperty("headers").TryGetProperty("Location", out _).ShouldBeTrue();
        created.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString().ShouldEndWith("/CaseDetailDto");
        intake.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples").EnumerateObject().Count().ShouldBeGreaterThan(0);
        intake.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json")
            .GetProperty("schema").GetProperty("$ref").GetString().ShouldEndWith("/ValidationProblem");
        paths.GetProperty("/api/partner/cases").GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("examples").EnumerateObject().Count().ShouldBeGreaterThan(0);

        var close = paths.GetProperty("/api/cases/{id}/close").GetProperty("post");
        close.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "If-Match");
        close.GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue();
        close.GetProperty("security")[0].TryGetProperty("bearer", out _).ShouldBeTrue();

        paths.GetProperty("/api/admin/units/{id}").GetProperty("delete").GetProperty("responses").TryGetProperty("204", out _).ShouldBeTrue();
        paths.GetProperty("/api/track/{trackingNo}").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _).ShouldBeTrue();
        paths.GetProperty("/api/partner/cases").GetProperty("post").GetProperty("security")[0].TryGetProperty("partnerKey", out _).ShouldBeTrue();
        paths.GetProperty("/api/auth/token").GetProperty("post").GetProperty("security")[0].EnumerateObject().ShouldBeEmpty();
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(o => (o.Name, p.Name, o.Value)));
}
