using System.Globalization;
using GrievanceDesk.Benchmarks;
using Microsoft.Data.Sqlite;

// dotnet run -c Release --project tests/GrievanceDesk.Benchmarks --artifacts-path /tmp/gd-bench -- <scenario> [options]
//
// Scenarios (one or more): seed, stats, briefing, profile (each stats query alone), explain (SQLite query plans),
//   escalation (the sweep's scan and run, on a copy of the data set), intake and casepage (the real app over HTTP),
//   lists, search, similar (the real app over the data set).
// Options:
//   --cases N     cases in the data set (default 1,000,000)
//   --open N      of which open at the data set's "now" (default 50,000)
//   --years Y     spread over this many years up to "now" (default 2)
//   --db PATH     the SQLite file (default /tmp/gd-bench/cases-{N}-{Y}y.db); reused when it exists, unless --reseed
//   --reseed      write the data set again
//   --runs N      timed repetitions after one warm-up (default 5); the median is reported
//   --due N       escalation: cases newly due per sweep run (default 50)
//   --web DLL     intake/casepage: the app, built in Release (default /tmp/gd-bench-build/bin/GrievanceDesk.Web/release/GrievanceDesk.Web.dll)
//   --workers N, --seconds S, --rate R   intake: closed-loop workers (16), seconds per phase (20), open-loop requests/s (100)
//   --fresh       intake: on a fresh, empty database instead of the data set (the old measurement)
//   --requests N  lists, search, similar: sequential requests per figure (100)
// Issue 15 (the app over the data set): intake (with the bare-stack baseline and the ratio), lists, search, similar.
//
// To see how the times grow when the table doubles with older history, run the same scenario with
// --cases 2000000 --years 4: the same density of cases per week, twice the table.
var options = OptionsParser.Parse(args);
if (options.Scenarios.Count == 0)
{
    Console.WriteLine("usage: GrievanceDesk.Benchmarks <seed|stats|briefing|profile|explain|escalation|intake|casepage>... [--cases N] [--open N] [--years Y] [--db PATH] [--reseed] [--runs N]");
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = new SeedSettings(options.Cases, options.Open, options.Years, SeedSettings.DefaultNowUtc);
var path = options.Database ?? $"/tmp/gd-bench/cases-{options.Cases}-{options.Years.ToString(CultureInfo.InvariantCulture)}y.db";
Console.WriteLine($"GrievanceDesk benchmarks on {Environment.ProcessorCount} cores, SQLite {SqliteVersion()}, data set {path}");

var needsDataSet = options.Scenarios.Any(s => s is not ("intake" or "casepage")) || (options.Scenarios.Contains("intake") && !options.Fresh);
if (needsDataSet && (options.Reseed || options.Scenarios.Contains("seed") || !File.Exists(path)))
{
    Console.WriteLine($"seeding {settings.Cases:N0} cases ({settings.OpenCases:N0} open) over {settings.Years} years…");
    await using var fresh = await BenchmarkHost.CreateFreshAsync(path, settings.NowUtc);
    var report = await new CaseSeeder(settings).SeedAsync(fresh);
    Console.WriteLine($"  seeded in {report.Elapsed.TotalSeconds:0.0} s: {report.Cases:N0} cases ({report.Open:N0} open, {report.Closed:N0} closed, {report.Merged:N0} merged), " +
        $"{report.Complainants:N0} complainants, {report.ReturnVisits:N0} return visits, {report.SupervisionOrders:N0} supervision orders, " +
        $"{report.Feedback:N0} feedback records, {report.Pauses:N0} pauses; file {new FileInfo(path).Length / 1024 / 1024:N0} MB");
}

await using var host = BenchmarkHost.Create(path, settings.NowUtc);
var results = new List<Measure.Result>();
WebApp? web = null;
foreach (var scenario in options.Scenarios)
{
    switch (scenario)
    {
        case "seed":
            break;
        case "rollup":
            Console.WriteLine("statistics rollup rebuilt from the records (stats-rebuild):");
            results.Add(await StatsBenchmark.RebuildAsync(host, settings.NowUtc));
            break;
        case "stats":
            Console.WriteLine("stats (GET /api/stats, as a leader):");
            results.AddRange(await StatsBenchmark.RunStatsAsync(host, settings.NowUtc, options.Runs));
            break;
        case "briefing":
            Console.WriteLine("weekly briefing:");
            results.AddRange(await StatsBenchmark.RunBriefingAsync(host, settings.NowUtc, options.Runs));
            break;
        case "profile":
            Console.WriteLine("each statistics query on its own (grouped by unit):");
            results.AddRange(await StatsBenchmark.ProfileAsync(host, settings.NowUtc, options.Runs));
            break;
        case "explain":
            await StatsBenchmark.ExplainAsync(host, settings.NowUtc);
            break;
        case "escalation":
            Console.WriteLine($"escalation sweep (steady state, {options.Due} newly due per run):");
            results.AddRange(await EscalationBenchmark.RunAsync(path, settings.NowUtc, options.Runs, options.Due));
            break;
        case "intake":
            Console.WriteLine($"intake (POST /api/cases on the real app{(options.Fresh ? ", fresh database" : " over the data set")}, {options.Workers} workers / {options.Rate:0} per s, {options.Seconds:0} s each; Jobs:RunServer=false):");
            web ??= await WebApp.StartAsync(options.Web, options.Fresh ? null : path);
            await using (var baseline = await BaselineApp.StartAsync(Path.Combine(Path.GetDirectoryName(path)!, "baseline.db")))
            {
                results.AddRange(await WebBenchmark.IntakeAsync(web, options.Workers, options.Seconds, options.Rate, baseline));
            }

            break;
        case "lists" or "search" or "similar":
            Console.WriteLine($"{scenario} (GET on the real app over the data set, {options.Requests} sequential requests each after a warm-up):");
            web ??= await WebApp.StartAsync(options.Web, path);
            results.AddRange(scenario switch
            {
                "lists" => await ScaleBenchmark.ListsAsync(web, options.Requests),
                "search" => await ScaleBenchmark.SearchAsync(web, path, options.Requests),
                _ => await ScaleBenchmark.SimilarAsync(web, path, options.Requests),
            });
            break;
        case "casepage":
            Console.WriteLine("case page (GET /api/cases/{id} with a 200-event timeline):");
            web ??= await WebApp.StartAsync(options.Web);
            results.AddRange(await WebBenchmark.CasePageAsync(web, 200, 200));
            break;
        default:
            Console.Error.WriteLine($"unknown scenario '{scenario}'");
            return 2;
    }
}

if (web is not null)
{
    await web.DisposeAsync();
}

if (results.Count > 0)
{
    Measure.PrintTable($"{settings.Cases:N0} cases over {settings.Years} years, {settings.OpenCases:N0} open (median of {options.Runs} runs after a warm-up):", results);
}

return results.All(r => r.WithinLimit) ? 0 : 1;

static string SqliteVersion()
{
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "select sqlite_version()";
    return (string)command.ExecuteScalar()!;
}

internal sealed record Options(List<string> Scenarios, int Cases, int Open, double Years, string? Database, bool Reseed, int Runs)
{
    public int Due { get; init; } = 50;
    public string Web { get; init; } = WebApp.DefaultDll;
    public int Workers { get; init; } = 16;
    public double Seconds { get; init; } = 20;
    public double Rate { get; init; } = 100;
    public bool Fresh { get; init; }
    public int Requests { get; init; } = 100;
}

internal static class OptionsParser
{
    public static Options Parse(string[] args)
    {
        var o = new Options([], 1_000_000, 50_000, 2, null, false, 5);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--cases" => o with { Cases = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--open" => o with { Open = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--years" => o with { Years = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--db" => o with { Database = Next() },
                "--reseed" => o with { Reseed = true },
                "--runs" => o with { Runs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--due" => o with { Due = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--web" => o with { Web = Next() },
                "--workers" => o with { Workers = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => o with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--rate" => o with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--fresh" => o with { Fresh = true },
                "--requests" => o with { Requests = int.Parse(Next(), CultureInfo.InvariantCulture) },
                var scenario when !scenario.StartsWith("--", StringComparison.Ordinal) => Add(o, scenario),
                var unknown => throw new ArgumentException($"unknown option {unknown}"),
            };
        }

        return o;

        static Options Add(Options o, string scenario)
        {
            o.Scenarios.Add(scenario);
            return o;
        }
    }
}
