using System.Diagnostics;

namespace GrievanceDesk.Benchmarks;

/// <summary>Stopwatch timing: one warm-up run, then <c>repetitions</c> runs; the median is the figure reported.</summary>
public static class Measure
{
    public sealed record Result(string Name, double MedianMs, double MinMs, double MaxMs, int Runs, double? LimitMs, string Note)
    {
        public bool WithinLimit => LimitMs is not { } limit || MedianMs <= limit;
    }

    public static async Task<Result> TimeAsync(string name, int repetitions, double? limitMs, Func<Task<string>> run)
    {
        var note = await run();
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var watch = Stopwatch.StartNew();
            note = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
        var result = new Result(name, median, times[0], times[^1], times.Count, limitMs, note);
        Console.WriteLine($"  {name}: median {median:0} ms ({note})");
        return result;
    }

    public static void PrintTable(string title, IReadOnlyList<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"| {"scenario",-44} | {"median",9} | {"min",9} | {"max",9} | {"runs",4} | {"limit",8} | {"ok",3} | note");
        Console.WriteLine($"|{new string('-', 46)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 6)}|{new string('-', 10)}|{new string('-', 5)}|------");
        foreach (var r in results)
        {
            var limit = r.LimitMs is { } l ? $"{l:0} ms" : "—";
            Console.WriteLine($"| {r.Name,-44} | {r.MedianMs,6:0} ms | {r.MinMs,6:0} ms | {r.MaxMs,6:0} ms | {r.Runs,4} | {limit,8} | {(r.WithinLimit ? "yes" : "NO"),3} | {r.Note}");
        }
    }
}
