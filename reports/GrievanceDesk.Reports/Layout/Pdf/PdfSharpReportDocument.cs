using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>
/// <see cref="IReportDocument"/> on PDFsharp's XGraphics: A4 portrait, content flowing down from a cursor, a new page
/// whenever the next block does not fit. Page headers and footers are drawn in a second pass by <see cref="Build"/>,
/// because "共 Y 页" is known only when the last page exists. Not thread-safe: one document per render.
/// </summary>
public sealed class PdfSharpReportDocument : IReportDocument, IDisposable
{
    private const double MarginX = 56;
    private const double MarginTop = 64;
    private const double MarginBottom = 60;
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;
    private const double BlockSpacing = 8;

    // A heading needs this much room below it, or it moves to the next page with its content.
    private const double KeepWithNext = 70;

    private readonly PdfDocument _pdf;
    private readonly DocumentSetup _setup;
    private readonly Theme _theme;
    private readonly Typesetter _type = new();
    private readonly ChartPainter _charts;
    private XGraphics _page;
    private double _y;
    private bool _built;

    public PdfSharpReportDocument(DocumentSetup setup)
    {
        // Before any PDFsharp object: PdfDocument's constructor checks the licence.
        PdfSharpSetup.EnsureInitialized();
        _pdf = new PdfDocument();
        _pdf.Options.FlateEncodeMode = PdfFlateEncodeMode.BestCompression;
        _setup = setup;
        _theme = new Theme();
        _charts = new ChartPainter(_theme, _type);
        _pdf.Info.Title = setup.Title;
        _pdf.Info.Author = setup.Author;
        _pdf.Info.Creator = "GrievanceDesk";
        _pdf.Language = "zh-CN";
        _page = StartPage();
    }

    private static readonly XSize A4 = PageSizeConverter.ToSize(PageSize.A4);

    /// <summary>Left edge of the text column; the right edge is the same distance from the page's right side.</summary>
    public static double Margin => MarginX;

    private static double PageWidth => A4.Width;
    private static double ContentWidth => PageWidth - (2 * MarginX);
    private static double ContentBottom => A4.Height - MarginBottom;

    public void Title(string title, string subtitle)
    {
        DrawCentered(title, _theme.Title, _theme.TitleRed);
        _y += 4;
        DrawCentered(subtitle, _theme.Subtitle, _theme.Muted);
        _y += 6;
        _page.DrawLine(_theme.TitleRule, MarginX, _y, PageWidth - MarginX, _y);
        _y += 14;
    }

    public void Heading(string text, int level = 1)
    {
        var style = level <= 1 ? _theme.Heading1 : _theme.Heading2;
        var lines = _type.Wrap(text, style, ContentWidth);
        if (_y > MarginTop)
        {
            _y += level <= 1 ? 10 : 4;
        }

        EnsureSpace((lines.Count * style.LineHeight) + KeepWithNext);
        foreach (var line in lines)
        {
            _type.Draw(_page, line, style, level <= 1 ? _theme.Accent : _theme.Ink, MarginX, _y);
            _y += style.LineHeight;
        }

        _y += 4;
    }

    public void Paragraph(string text, TextTone tone = TextTone.Body)
    {
        var (style, brush) = tone == TextTone.Note ? (_theme.Note, _theme.Muted) : (_theme.Body, _theme.Ink);
        foreach (var line in _type.Wrap(text, style, ContentWidth))
        {
            EnsureSpace(style.LineHeight);
            _type.Draw(_page, line, style, brush, MarginX, _y);
            _y += style.LineHeight;
        }

        _y += BlockSpacing / 2;
    }

    public void KeyFigures(IReadOnlyList<KeyFigure> figures, int perRow = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perRow, 1);
        const double gap = 8;
        const double padding = 7;
        var cardWidth = (ContentWidth - (gap * (perRow - 1))) / perRow;

        _y += gap / 2;
        foreach (var row in figures.Chunk(perRow))
        {
            var smallLines = row.Max(f => (f.Detail is null ? 0 : 1) + (f.Change is null ? 0 : 1));
            var cardHeight = (2 * padding) + _theme.CardLabel.LineHeight + _theme.CardValue.LineHeight
                             + (smallLines * _theme.CardSmall.LineHeight);
            EnsureSpace(cardHeight);
            for (var i = 0; i < row.Length; i++)
            {
                DrawCard(row[i], MarginX + (i * (cardWidth + gap)), _y, cardWidth, cardHeight, padding);
            }

            _y += cardHeight + gap;
        }

        _y += BlockSpacing / 2;
    }

    private void DrawCard(KeyFigure figure, double left, double top, double width, double height, double padding)
    {
        _page.DrawRectangle(_theme.CardFill, left, top, width, height);
        _page.DrawRectangle(_theme.Accent, left, top, 2.5, height);
        var inner = width - (2 * padding);
        var x = left + padding;
        var y = top + padding;
        _type.Draw(_page, _type.Fit(figure.Label, _theme.CardLabel, inner), _theme.CardLabel, _theme.Muted, x, y);
        y += _theme.CardLabel.LineHeight;
        _type.Draw(_page, _type.Fit(figure.Value, _theme.CardValue, inner), _theme.CardValue, _theme.Ink, x, y);
        y += _theme.CardValue.LineHeight;
        foreach (var small in new[] { figure.Detail, figure.Change }.OfType<string>())
        {
            _type.Draw(_page, _type.Fit(small, _theme.CardSmall, inner), _theme.CardSmall, _theme.Muted, x, y);
            y += _theme.CardSmall.LineHeight;
        }
    }

    public void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows)
    {
        if (rows.FirstOrDefault(r => r.Cells.Count != columns.Count) is { } ragged)
        {
            throw new ArgumentException($"A row has {ragged.Cells.Count} cells for {columns.Count} columns.", nameof(rows));
        }

        var totalWeight = columns.Sum(c => c.RelativeWidth);
        var widths = columns.Select(c => ContentWidth * c.RelativeWidth / totalWeight).ToArray();
        var header = LayOutRow(columns.Select(c => c.Header).ToList(), widths, _theme.TableHeader);

        EnsureSpace(header.Height + (rows.Count > 0 ? LayOutRow(rows[0].Cells, widths, _theme.TableCell).Height : 0));
        DrawRow(header, columns, _theme.TableHeader, _theme.HeaderFill);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = LayOutRow(rows[i].Cells, widths, _theme.TableCell);
            if (_y + row.Height > ContentBottom)
            {
                NextPage();
                DrawRow(header, columns, _theme.TableHeader, _theme.HeaderFill);
            }

            var fill = rows[i].Tone switch
            {
                RowTone.Good => _theme.GoodFill,
                RowTone.Bad => _theme.BadFill,
                _ => i % 2 == 1 ? _theme.StripeFill : null,
            };
            DrawRow(row, columns, _theme.TableCell, fill);
        }

        _y += BlockSpacing;
    }

    private sealed record LaidOutRow(IReadOnlyList<List<string>> CellLines, IReadOnlyList<double> Widths, double Height);

    private LaidOutRow LayOutRow(IReadOnlyList<string> cells, double[] widths, TextStyle style)
    {
        var lines = cells.Select((text, i) => _type.Wrap(text, style, widths[i] - (2 * CellPaddingX))).ToList();
        var height = (lines.Max(l => l.Count) * style.LineHeight) + (2 * CellPaddingY);
        return new LaidOutRow(lines, widths, height);
    }

    private void DrawRow(LaidOutRow row, IReadOnlyList<TableColumn> columns, TextStyle style, XBrush? fill)
    {
        if (fill is not null)
        {
            _page.DrawRectangle(fill, MarginX, _y, ContentWidth, row.Height);
        }

        var left = MarginX;
        for (var c = 0; c < columns.Count; c++)
        {
            var lines = row.CellLines[c];
            // Cells with fewer lines sit in the middle of the row, as a reader expects of a short cell beside a long one.
            var top = _y + ((row.Height - (lines.Count * style.LineHeight)) / 2);
            foreach (var line in lines)
            {
                _type.Draw(_page, line, style, _theme.Ink, left + CellPaddingX, left + row.Widths[c] - CellPaddingX, top, columns[c].Alignment);
                top += style.LineHeight;
            }

            left += row.Widths[c];
        }

        _y += row.Height;
        _page.DrawLine(_theme.Rule, MarginX, _y, PageWidth - MarginX, _y);
    }

    public void BarChart(ChartData chart)
    {
        Validate(chart);
        EnsureSpace(_charts.BarChartHeight(chart));
        _charts.DrawBarChart(_page, chart, MarginX, _y, ContentWidth);
        _y += _charts.BarChartHeight(chart) + BlockSpacing;
    }

    public void LineChart(ChartData chart)
    {
        Validate(chart);
        EnsureSpace(_charts.LineChartHeight());
        _charts.DrawLineChart(_page, chart, MarginX, _y, ContentWidth);
        _y += _charts.LineChartHeight() + BlockSpacing;
    }

    private static void Validate(ChartData chart)
    {
        if (chart.Series.Count == 0 || chart.Series.Any(s => s.Values.Count != chart.Categories.Count))
        {
            throw new ArgumentException("A chart needs at least one series, each with one value per category.", nameof(chart));
        }
    }

    public void Space(double points) => _y += points;

    public byte[] Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("The document is already built.");
        }

        _built = true;
        _page.Dispose();
        var total = _pdf.PageCount;
        for (var number = 1; number <= total; number++)
        {
            using var page = XGraphics.FromPdfPage(_pdf.Pages[number - 1], XGraphicsPdfPageOptions.Append);
            DrawPageFurniture(page, number, total);
        }

        using var output = new MemoryStream();
        _pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    private void DrawPageFurniture(XGraphics page, int number, int total)
    {
        var style = _theme.PageFurniture;
        var headerTop = MarginTop - 26;
        _type.Draw(page, _setup.RunningHeader, style, _theme.Muted, MarginX, headerTop);
        page.DrawLine(_theme.Rule, MarginX, headerTop + style.LineHeight + 2, PageWidth - MarginX, headerTop + style.LineHeight + 2);
        _type.Draw(page, $"第 {number} 页 / 共 {total} 页", style, _theme.Muted, MarginX, PageWidth - MarginX,
            ContentBottom + 22, CellAlignment.Center);
    }

    public void Dispose()
    {
        if (!_built)
        {
            _page.Dispose();
        }

        _pdf.Dispose();
    }

    private XGraphics StartPage()
    {
        var page = _pdf.AddPage();
        page.Size = PageSize.A4;
        _y = MarginTop;
        return XGraphics.FromPdfPage(page);
    }

    private void EnsureSpace(double height)
    {
        if (_y + height > ContentBottom && _y > MarginTop)
        {
            NextPage();
        }
    }

    private void NextPage()
    {
        _page.Dispose();
        _page = StartPage();
    }

    private void DrawCentered(string text, TextStyle style, XBrush brush)
    {
        foreach (var line in _type.Wrap(text, style, ContentWidth))
        {
            EnsureSpace(style.LineHeight);
            _type.Draw(_page, line, style, brush, MarginX, PageWidth - MarginX, _y, CellAlignment.Center);
            _y += style.LineHeight;
        }
    }
}
