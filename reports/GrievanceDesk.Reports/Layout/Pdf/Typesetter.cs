using PdfSharp.Drawing;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>Measures, wraps and draws lines of text. Widths are cached: a briefing measures the same digits thousands of times.</summary>
internal sealed class Typesetter
{
    private const string Ellipsis = "…";

    private readonly XGraphics _measureContext =
        XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);

    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];

    public double Width(string text, TextStyle style)
    {
        if (!_widths.TryGetValue((style.Font, text), out var width))
        {
            width = _measureContext.MeasureString(text, style.Font).Width;
            _widths[(style.Font, text)] = width;
        }

        return width;
    }

    public List<string> Wrap(string text, TextStyle style, double maxWidth) =>
        LineBreaker.Wrap(text, maxWidth, piece => Width(piece, style));

    /// <summary>The text, shortened with an ellipsis if it is wider than <paramref name="maxWidth"/>: for chart labels, which cannot wrap.</summary>
    public string Fit(string text, TextStyle style, double maxWidth)
    {
        if (Width(text, style) <= maxWidth)
        {
            return text;
        }

        var kept = text;
        while (kept.Length > 1 && Width(kept + Ellipsis, style) > maxWidth)
        {
            kept = kept[..^(char.IsLowSurrogate(kept[^1]) ? 2 : 1)];
        }

        return kept + Ellipsis;
    }

    public void Draw(XGraphics page, string text, TextStyle style, XBrush brush, double left, double top) =>
        page.DrawString(text, style.Font, brush, left, top + style.Baseline);

    /// <summary>Draws one line aligned between <paramref name="left"/> and <paramref name="right"/>.</summary>
    public void Draw(XGraphics page, string text, TextStyle style, XBrush brush, double left, double right, double top, CellAlignment alignment)
    {
        var x = alignment switch
        {
            CellAlignment.Right => right - Width(text, style),
            CellAlignment.Center => left + ((right - left - Width(text, style)) / 2),
            _ => left,
        };
        Draw(page, text, style, brush, x, top);
    }
}
