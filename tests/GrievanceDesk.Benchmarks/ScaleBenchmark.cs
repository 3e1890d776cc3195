using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace GrievanceDesk.Benchmarks;

/// <summary>
/// Issue 15: the lists each role opens, the search and the similar cases, on the real app over the seeded data set,
/// through HTTP as clerks use them. Each request is sent sequentially (after a warm-up) and timed on the client over
/// loopback, which bounds the server time from above; the median and the p99 are reported.
/// </summary>
public static class ScaleBenchmark
{
    public const double ListLimitMs = 50;
    public const double ListP99LimitMs = 150;
    public const double SimilarLimitMs = 30;

    public static async Task<IReadOnlyList<Measure.Result>> ListsAsync(WebApp app, int requests)
    {
        var leader = await app.TokenAsync("leader");
        var cadre = await app.TokenAsync("cadre1");
        var dispatcher = await app.TokenAsync("dispatcher");
        return
        [
            // The floor on this machine at this moment: an authenticated GET that reads the cached units, no case.
            await TimeAsync(app, leader, "reference: GET /api/units (no case read)", "/api/units", requests, ListLimitMs),
            await TimeAsync(app, leader, "list: all cases, page 1 (leader)", "/api/cases?page=1&pageSize=20", requests, ListLimitMs),
            await TimeAsync(app, leader, "list: all cases, page 50 (leader)", "/api/cases?page=50&pageSize=20", requests, ListLimitMs),
            await TimeAsync(app, cadre, "list: the unit's inbox by deadline (cadre)", "/api/cases?sort=due&pageSize=20", requests, ListLimitMs),
            await TimeAsync(app, cadre, "list: the unit's cases, newest (cadre)", "/api/cases?pageSize=20", requests, ListLimitMs),
            await TimeAsync(app, leader, "list: overdue (leader)", "/api/cases?overdue=true&pageSize=20", requests, ListLimitMs),
            await TimeAsync(app, dispatcher, "list: dispatch queue (dispatcher)", "/api/cases?status=registered&sort=due&pageSize=20", requests, ListLimitMs),
        ];
    }

    public static async Task<IReadOnlyList<Measure.Result>> SearchAsync(WebApp app, string databasePath, int requests)
    {
        var sample = Sample.From(databasePath);
        var desk = await app.TokenAsync("desk");
        var cadre = await app.TokenAsync("cadre1");
        return
        [
            await TimeAsync(app, desk, "search: 2-character word 电梯", "/api/cases?q=" + Uri.EscapeDataString("电梯"), requests, ListLimitMs),
            await TimeAsync(app, desk, "search: 2-character word 噪音", "/api/cases?q=" + Uri.EscapeDataString("噪音"), requests, ListLimitMs),
            await TimeAsync(app, desk, "search: 4-character phrase 井盖缺失", "/api/cases?q=" + Uri.EscapeDataString("井盖缺失"), requests, ListLimitMs),
            await TimeAsync(app, desk, "search: a phone", "/api/cases?q=" + sample.Phone, requests, ListLimitMs),
            await TimeAsync(app, desk, $"search: a name ({sample.Name})", "/api/cases?q=" + Uri.EscapeDataString(sample.Name), requests, ListLimitMs),
            await TimeAsync(app, desk, "search: a tracking number", "/api/cases?q=" + sample.TrackingNo, requests, ListLimitMs),
            await TimeAsync(app, cadre, "search: 电梯 as a cadre (the unit's cases)", "/api/cases?q=" + Uri.EscapeDataString("电梯"), requests, ListLimitMs),
        ];
    }

    public static async Task<IReadOnlyList<Measure.Result>> SimilarAsync(WebApp app, string databasePath, int requests)
    {
        var sample = Sample.From(databasePath);
        var leader = await app.TokenAsync("leader");
        var desk = await app.TokenAsync("desk");
        var lookup = $"/api/cases/lookup?phone={sample.Phone}&address={Uri.EscapeDataString(sample.Address)}&content={Uri.EscapeDataString(sample.Content)}";
        return
        [
            await TimeAsync(app, leader, "similar cases of a case", $"/api/cases/{sample.CaseId}/similar", requests, SimilarLimitMs),
            await TimeAsync(app, desk, "intake look-up while typing (phone, address, content)", lookup, requests, SimilarLimitMs),
        ];
    }

    private static async Task<Measure.Result> TimeAsync(WebApp app, string token, string name, string path, int requests, double limitMs)
    {
        var size = 0;
        var total = "";
        async Task<double> Get()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var watch = Stopwatch.StartNew();
            using var response = await app.Client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var ms = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
            }

            size = body.Length;
            var json = JsonDocument.Parse(body).RootElement;
            total = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("totalText", out var t) ? $"total {t.GetString()}"
                : json.ValueKind == JsonValueKind.Array ? $"{json.GetArrayLength()} found" : "";
            return ms;
        }

        for (var i = 0; i < Math.Min(20, requests); i++)
        {
            await Get();
        }

        var times = new List<double>();
        var cpuBefore = app.AppCpu;
        for (var i = 0; i < requests; i++)
        {
            times.Add(await Get());
        }

        var cpuPerRequest = (app.AppCpu - cpuBefore).TotalMilliseconds / requests;
        times.Sort();
        var p99 = P(times, 99);
        var median = P(times, 50);
        Console.WriteLine($"  {name}: median {median:0.0} ms, p95 {P(times, 95):0.0} ms, p99 {p99:0.0} ms, max {times[^1]:0.0} ms; app CPU {cpuPerRequest:0.0} ms per request; {total}, {size / 1024.0:0.0} KB");
        return new Measure.Result(name, median, times[0], times[^1], cpuPerRequest, requests, limitMs,
            $"p99 {p99:0.0} ms{(p99 > ListP99LimitMs ? " (over the 150 ms p99)" : "")}; {total}; {size / 1024.0:0.0} KB");
    }

    private static double P(List<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Real values of the data set to search for: a recent case with a complainant (phone, name), its tracking number, address and content.</summary>
    private sealed record Sample(long CaseId, string TrackingNo, string Phone, string Name, string Address, string Content)
    {
        public static Sample From(string databasePath)
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c."Id", c."TrackingNo", p."Phone", p."Name", c."Address", c."Content"
                FROM "Cases" c JOIN "CaseComplainants" p ON p."CaseId" = c."Id"
                WHERE c."Id" <= (SELECT max("Id") FROM "Cases") - 5000 AND p."Phone" IS NOT NULL
                ORDER BY c."Id" DESC LIMIT 1
                """;
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException("No sample case with a complainant in the data set.");
            }

            return new Sample(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
        }
    }
}
