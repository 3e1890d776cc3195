using PdfSharp.Drawing;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>Draws charts as vector paths and real text (so labels stay sharp and searchable), inside a given box.</summary>
internal sealed class ChartPainter(Theme theme, Typesetter type)
{
    private const double LineChartPlotHeight = 170;
    private const double LegendSwatch = 7;

    public double BarChartHeight(ChartData chart) =>
        HeaderHeight + (chart.Categories.Count * BarRowHeight(chart)) + 4 + theme.ChartLabel.LineHeight;

    public double LineChartHeight() => HeaderHeight + 6 + LineChartPlotHeight + 4 + theme.ChartLabel.LineHeight;

    private double HeaderHeight => theme.ChartTitle.LineHeight + 6;

    private static double BarRowHeight(ChartData chart) => Math.Max(16, (chart.Series.Count * 8) + 8);

    /// <summary>Horizontal bars: category labels on the left read whole, however long, and many categories still fit.</summary>
    public void DrawBarChart(XGraphics page, ChartData chart, double left, double top, double width)
    {
        DrawTitleAndLegend(page, chart, left, top, width);
        var label = theme.ChartLabel;
        var scale = AxisScale.For(chart.MaxValue);
        var labelColumn = Math.Min(chart.Categories.Select(c => type.Width(c, label)).DefaultIfEmpty(0).Max() + 8, width * 0.3);
        var valueColumn = type.Width(AxisScale.Label(scale.Max), label) + 8;
        var plot = new XRect(left + labelColumn, top + HeaderHeight, width - labelColumn - valueColumn,
            chart.Categories.Count * BarRowHeight(chart));

        foreach (var tick in scale.Ticks())
        {
            var x = plot.Left + (plot.Width * tick / scale.Max);
            page.DrawLine(theme.Grid, x, plot.Top, x, plot.Bottom);
            type.Draw(page, AxisScale.Label(tick), label, theme.Muted, x - 20, x + 20, plot.Bottom + 3, CellAlignment.Center);
        }

        var rowHeight = BarRowHeight(chart);
        var barHeight = (rowHeight - 6) / chart.Series.Count;
        for (var row = 0; row < chart.Categories.Count; row++)
        {
            var rowTop = plot.Top + (row * rowHeight);
            var text = type.Fit(chart.Categories[row], label, labelColumn - 8);
            type.Draw(page, text, label, theme.Ink, left, plot.Left - 6, rowTop + ((rowHeight - label.LineHeight) / 2), CellAlignment.Right);

            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = chart.Series[s].Values[row];
                var barTop = rowTop + 3 + (s * barHeight);
                var barWidth = plot.Width * value / scale.Max;
                page.DrawRectangle(new XSolidBrush(theme.SeriesColor(s)), plot.Left, barTop, barWidth, barHeight - 1);
                type.Draw(page, AxisScale.Label(value), label, theme.Ink, plot.Left + barWidth + 3,
                    barTop + ((barHeight - 1 - label.LineHeight) / 2));
            }
        }

        page.DrawLine(theme.Axis, plot.Left, plot.Top, plot.Left, plot.Bottom);
        page.DrawLine(theme.Axis, plot.Left, plot.Bottom, plot.Right, plot.Bottom);
    }

    public void DrawLineChart(XGraphics page, ChartData chart, double left, double top, double width)
    {
        DrawTitleAndLegend(page, chart, left, top, width);
        var label = theme.ChartLabel;
        var scale = AxisScale.For(chart.MaxValue);
        var tickColumn = type.Width(AxisScale.Label(scale.Max), label) + 8;
        var plot = new XRect(left + tickColumn, top + HeaderHeight + 6, width - tickColumn, LineChartPlotHeight);
        double Y(double value) => plot.Bottom - (plot.Height * value / scale.Max);

        foreach (var tick in scale.Ticks())
        {
            var y = Y(tick);
            page.DrawLine(theme.Grid, plot.Left, y, plot.Right, y);
            type.Draw(page, AxisScale.Label(tick), label, theme.Muted, left, plot.Left - 5, y - (label.LineHeight / 2), CellAlignment.Right);
        }

        var step = plot.Width / Math.Max(1, chart.Categories.Count);
        double X(int index) => plot.Left + (step * (index + 0.5));
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var text = type.Fit(chart.Categories[i], label, step - 2);
            type.Draw(page, text, label, theme.Ink, X(i) - (step / 2), X(i) + (step / 2), plot.Bottom + 3, CellAlignment.Center);
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var color = theme.SeriesColor(s);
            var points = chart.Series[s].Values.Select((v, i) => new XPoint(X(i), Y(v))).ToArray();
            if (points.Length > 1)
            {
                page.DrawLines(new XPen(color, 1.5) { LineJoin = XLineJoin.Round }, points);
            }

            var marker = new XSolidBrush(color);
            foreach (var point in points)
            {
                page.DrawEllipse(marker, point.X - 2.2, point.Y - 2.2, 4.4, 4.4);
            }
        }

        page.DrawLine(theme.Axis, plot.Left, plot.Top, plot.Left, plot.Bottom);
        page.DrawLine(theme.Axis, plot.Left, plot.Bottom, plot.Right, plot.Bottom);
    }

    /// <summary>The title on the left and the legend on the right of one line: a legend even for one series says what is counted.</summary>
    private void DrawTitleAndLegend(XGraphics page, ChartData chart, double left, double top, double width)
    {
        type.Draw(page, chart.Title, theme.ChartTitle, theme.Ink, left, top);

        var label = theme.ChartLabel;
        var x = left + width;
        for (var s = chart.Series.Count - 1; s >= 0; s--)
        {
            var name = chart.Series[s].Name;
            x -= type.Width(name, label);
            type.Draw(page, name, label, theme.Ink, x, top + ((theme.ChartTitle.LineHeight - label.LineHeight) / 2));
            x -= LegendSwatch + 3;
            page.DrawRectangle(new XSolidBrush(theme.SeriesColor(s)), x, top + ((theme.ChartTitle.LineHeight - LegendSwatch) / 2),
                LegendSwatch, LegendSwatch);
            x -= 12;
        }
    }
}
