using System.Globalization;
using GrievanceDesk.Benchmarks;
using Microsoft.Data.Sqlite;

// dotnet run -c Release --project tests/GrievanceDesk.Benchmarks --artifacts-path /tmp/gd-bench -- <scenario> [options]
//
// Scenarios (one or more): seed, stats, briefing, profile (each stats query alone), explain (SQLite query plans).
// Options:
//   --cases N     cases in the data set (default 1,000,000)
//   --open N      of which open at the data set's "now" (default 50,000)
//   --years Y     spread over this many years up to "now" (default 2)
//   --db PATH     the SQLite file (default /tmp/gd-bench/cases-{N}-{Y}y.db); reused when it exists, unless --reseed
//   --reseed      write the data set again
//   --runs N      timed repetitions after one warm-up (default 5); the median is reported
//
// To see how the times grow when the table doubles with older history, run the same scenario with
// --cases 2000000 --years 4: the same density of cases per week, twice the table.
var options = Options.Parse(args);
if (options.Scenarios.Count == 0)
{
    Console.WriteLine("usage: GrievanceDesk.Benchmarks <seed|stats|briefing|profile|explain>... [--cases N] [--open N] [--years Y] [--db PATH] [--reseed] [--runs N]");
    return 2;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var settings = new SeedSettings(options.Cases, options.Open, options.Years, SeedSettings.DefaultNowUtc);
var path = options.Database ?? $"/tmp/gd-bench/cases-{options.Cases}-{options.Years.ToString(CultureInfo.InvariantCulture)}y.db";
Console.WriteLine($"GrievanceDesk benchmarks on {Environment.ProcessorCount} cores, SQLite {SqliteVersion()}, data set {path}");

if (options.Reseed || options.Scenarios.Contains("seed") || !File.Exists(path))
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
foreach (var scenario in options.Scenarios)
{
    switch (scenario)
    {
        case "seed":
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
        default:
            Console.Error.WriteLine($"unknown scenario '{scenario}'");
            return 2;
    }
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
