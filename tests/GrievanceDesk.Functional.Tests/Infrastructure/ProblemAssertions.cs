using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

public static class ProblemAssertions
{
    public const string TypeBase = "https://grievancedesk.example/problems/";

    /// <summary>Asserts an RFC 9457 problem with this status (and rule slug, when given) and returns its body.</summary>
    public static async Task<JsonElement> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string? slug = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement;
        if (slug is not null)
        {
            problem.GetProperty("type").GetString().ShouldBe(TypeBase + slug, body);
        }

        return problem;
    }

    /// <summary>Asserts a 400 whose field errors name <paramref name="field"/>.</summary>
    public static async Task ShouldNameField(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        // A collection's items are named with their index ("roles[0]"); the field is named either way.
        problem.GetProperty("errors").EnumerateObject()
            .Any(e => e.Name == field || e.Name.StartsWith(field + "[", StringComparison.Ordinal))
            .ShouldBeTrue($"errors should name '{field}': {problem}");
    }

    public static async Task<T> ShouldBeOk<T>(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonSerializer.Deserialize<T>(body, GrievanceDeskFactory.Json)!;
    }

    public static Task<JsonElement> Json(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();
}
