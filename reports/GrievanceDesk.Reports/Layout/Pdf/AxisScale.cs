using System.Globalization;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>A value axis from zero with round steps (1, 2, 5 × 10ⁿ), so tick labels read 0, 50, 100 rather than 0, 47, 94.</summary>
internal readonly record struct AxisScale(double Max, double Step)
{
    public static AxisScale For(double maxValue, int targetTicks = 5)
    {
        if (maxValue <= 0)
        {
            return new AxisScale(targetTicks, 1);
        }

        var rough = maxValue / targetTicks;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        // Counts of cases: never a step below one.
        var step = Math.Max(1, new[] { 1d, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough));
        return new AxisScale(Math.Ceiling(maxValue / step) * step, step);
    }

    public IEnumerable<double> Ticks()
    {
        for (var tick = 0d; tick <= Max + (Step / 2); tick += Step)
        {
            yield return tick;
        }
    }

    public static string Label(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
