using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace GrievanceDesk.Web.Pages.Leader;

/// <summary>Small inline SVG charts for the dashboard: no chart library, no script, readable when printed.</summary>
public static class SvgCharts
{
    public sealed record Series(string Name, string Color, IReadOnlyList<int> Values);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Horizontal bars, one per label, the value at the end of the bar.</summary>
    public static IHtmlContent Bars(IReadOnlyList<(string Label, int Value)> rows, string color, string title)
    {
        const int width = 420, labelWidth = 96, rowHeight = 26, top = 6;
        var height = top * 2 + Math.Max(1, rows.Count) * rowHeight;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var barSpace = width - labelWidth - 46;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        if (rows.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"{height / 2 + 4}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#667085\">本期无数据</text>");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = top + (i * rowHeight);
            var w = value == 0 ? 0 : Math.Max(2, barSpace * value / (double)max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"12\" fill=\"#344054\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{barSpace}\" height=\"16\" fill=\"#f2f4f7\" rx=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{F(w)}\" height=\"16\" fill=\"{color}\" rx=\"2\"><title>{E(label)}：{value}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(labelWidth + w + 6)}\" y=\"{y + 17}\" font-size=\"12\" fill=\"#1d2733\" font-weight=\"600\">{value}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Lines over a few points (weeks), with the values on the points of the first series.</summary>
    public static IHtmlContent Lines(IReadOnlyList<string> labels, IReadOnlyList<Series> series, string title)
    {
        const int width = 560, height = 230, left = 36, right = 26, top = 16, bottom = 34;
        var max = Math.Max(4, series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        max = (int)(Math.Ceiling(max / 4.0) * 4);
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        double X(int i) => left + (labels.Count <= 1 ? plotW / 2.0 : plotW * i / (double)(labels.Count - 1));
        double Y(int v) => top + plotH - (plotH * v / (double)max);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var g = 0; g <= 4; g++)
        {
            var v = max * g / 4;
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#e4e7ec\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#667085\">{v}</text>");
        }

        for (var i = 0; i < labels.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{height - 12}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#667085\">{E(labels[i])}</text>");
        }

        foreach (var s in series)
        {
            var points = string.Join(' ', s.Values.Select((v, i) => $"{F(X(i))},{F(Y(v))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"2.2\" stroke-linejoin=\"round\"/>");
            for (var i = 0; i < s.Values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(s.Values[i]))}\" r=\"3.2\" fill=\"#fff\" stroke=\"{s.Color}\" stroke-width=\"2\"><title>{E(labels[i])} {E(s.Name)}：{s.Values[i]}</title></circle>");
            }
        }

        if (series.Count > 0)
        {
            var first = series[0];
            for (var i = 0; i < first.Values.Count; i++)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{F(Y(first.Values[i]) - 8)}\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"{first.Color}\" font-weight=\"600\">{first.Values[i]}</text>");
            }
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
