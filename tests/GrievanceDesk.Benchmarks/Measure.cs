using System.Diagnostics;

namespace GrievanceDesk.Benchmarks;

/// <summary>Stopwatch timing: one warm-up run, then <c>repetitions</c> runs; the median is the figure reported.</summary>
public static class Measure
{
    /// <param name="CpuMs">The process's CPU time per run (median): on a shared machine, what the run itself cost.</param>
    public sealed record Result(string Name, double MedianMs, double MinMs, double MaxMs, double CpuMs, int Runs, double? LimitMs, string Note)
    {
        public bool WithinLimit => LimitMs is not { } limit || MedianMs <= limit;
    }

    public static async Task<Result> TimeAsync(string name, int repetitions, double? limitMs, Func<Task<string>> run)
    {
        var note = await run();
        var times = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            note = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        var median = Median(times);
        var result = new Result(name, median, times.Min(), times.Max(), Median(cpu), times.Count, limitMs, note);
        Console.WriteLine($"  {name}: median {median:0} ms, cpu {result.CpuMs:0} ms ({note})");
        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static void PrintTable(string title, IReadOnlyList<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"| {"scenario",-52} | {"median",9} | {"min",9} | {"max",9} | {"cpu",9} | {"limit",8} | {"ok",3} | note");
        Console.WriteLine($"|{new string('-', 54)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 11)}|{new string('-', 10)}|{new string('-', 5)}|------");
        foreach (var r in results)
        {
            var limit = r.LimitMs is { } l ? $"{l:0} ms" : "—";
            Console.WriteLine($"| {r.Name,-52} | {r.MedianMs,6:0} ms | {r.MinMs,6:0} ms | {r.MaxMs,6:0} ms | {r.CpuMs,6:0} ms | {limit,8} | {(r.WithinLimit ? "yes" : "NO"),3} | {r.Note}");
        }
    }
}
