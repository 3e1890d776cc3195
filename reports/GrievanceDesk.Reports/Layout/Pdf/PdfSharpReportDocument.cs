using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>
/// <see cref="IReportDocument"/> on PDFsharp's XGraphics: A4 portrait, content flowing down from a cursor, a new page
/// whenever the next block does not fit. Page headers and footers are drawn in a second pass by <see cref="Build"/>,
/// because "共 Y 页" is known only when the last page exists. Not thread-safe: one document per render.
/// A heading (or a lead-in paragraph kept with the next block) is held back until the block after it comes, and goes
/// down with that block's first lines, rows or chart: never alone at a page's foot. <see cref="Blocks"/> records what went on which page, for tests and for a reader.
/// </summary>
public sealed class PdfSharpReportDocument : IReportDocument, IDisposable
{
    private const double MarginX = 56;
    private const double MarginTop = 64;
    private const double MarginBottom = 60;
    private const double CellPaddingX = 4;
    private const double CellPaddingY = 3;
    private const double BlockSpacing = 8;

    // A paragraph's first lines go with the heading above it, and are not left alone at a page's foot: two lines.
    private const int LinesKeptTogether = 2;

    // A lead-in longer than this is running text: it breaks where the page ends.
    private const int MaxLinesKeptWithNext = 4;

    private readonly PdfDocument _pdf;
    private readonly DocumentSetup _setup;
    private readonly Theme _theme;
    private readonly Typesetter _type = new();
    private readonly ChartPainter _charts;
    private readonly List<HeldBlock> _held = [];
    private readonly List<LaidOutBlock> _blocks = [];
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

    /// <summary>Every block in the order drawn, with its page; a block that breaks across pages appears once per page.</summary>
    public IReadOnlyList<LaidOutBlock> Blocks => _blocks;

    private static double PageWidth => A4.Width;
    private static double ContentWidth => PageWidth - (2 * MarginX);
    private static double ContentBottom => A4.Height - MarginBottom;

    public void Title(string title, string subtitle)
    {
        Place(_theme.Title.LineHeight, BlockKind.Title, title);
        DrawCentered(title, _theme.Title, _theme.TitleRed);
        _y += 4;
        DrawCentered(subtitle, _theme.Subtitle, _theme.Muted);
        _y += 6;
        _page.DrawLine(_theme.TitleRule, MarginX, _y, PageWidth - MarginX, _y);
        _y += 14;
    }

    /// <summary>Held back: drawn by the next block, on the page where that block starts.</summary>
    public void Heading(string text, int level = 1)
    {
        var style = level <= 1 ? _theme.Heading1 : _theme.Heading2;
        _held.Add(new HeldBlock(BlockKind.Heading, text, _type.Wrap(text, style, ContentWidth), style,
            level <= 1 ? _theme.Accent : _theme.Ink, level <= 1 ? 10 : 4, 4));
    }

    /// <summary>A heading, or a short paragraph kept with the next block, waiting for that block.</summary>
    private sealed record HeldBlock(BlockKind Kind, string Text, List<string> Lines, TextStyle Style, XBrush Brush, double SpaceAbove, double SpaceBelow)
    {
        public double Height => (Lines.Count * Style.LineHeight) + SpaceBelow;
    }

    /// <summary>
    /// Starts a block whose first unbreakable piece is <paramref name="keptHeight"/> high: a new page unless the held-back
    /// headings and that piece fit on this one; then the headings, then the block's record.
    /// </summary>
    private void Place(double keptHeight, BlockKind kind, string text)
    {
        var needed = keptHeight + _held.Sum(h => h.SpaceAbove + h.Height);
        EnsureSpace(needed);
        foreach (var held in _held)
        {
            if (_y > MarginTop)
            {
                _y += held.SpaceAbove;
            }

            _blocks.Add(new LaidOutBlock(_pdf.PageCount, held.Kind, held.Text));
            foreach (var line in held.Lines)
            {
                _type.Draw(_page, line, held.Style, held.Brush, MarginX, _y);
                _y += held.Style.LineHeight;
            }

            _y += held.SpaceBelow;
        }

        _held.Clear();
        _blocks.Add(new LaidOutBlock(_pdf.PageCount, kind, text));
    }

    public void Paragraph(string text, TextTone tone = TextTone.Body, bool keepWithNext = false)
    {
        var (style, brush) = tone == TextTone.Note ? (_theme.Note, _theme.Muted) : (_theme.Body, _theme.Ink);
        var lines = _type.Wrap(text, style, ContentWidth);
        if (keepWithNext && lines.Count <= MaxLinesKeptWithNext)
        {
            _held.Add(new HeldBlock(BlockKind.Paragraph, text, lines, style, brush, 0, BlockSpacing / 2));
            return;
        }

        Place(Math.Min(lines.Count, LinesKeptTogether) * style.LineHeight, BlockKind.Paragraph, text);
        for (var i = 0; i < lines.Count; i++)
        {
            // The last line does not go to a page alone either.
            var keep = i == lines.Count - 2 ? 2 : 1;
            if (_y + (keep * style.LineHeight) > ContentBottom && i > 0)
            {
                NextPage();
                _blocks.Add(new LaidOutBlock(_pdf.PageCount, BlockKind.Paragraph, text));
            }

            _type.Draw(_page, lines[i], style, brush, MarginX, _y);
            _y += style.LineHeight;
        }

        _y += BlockSpacing / 2;
    }

    /// <summary>Starts a new page, unless this one is still empty; a heading held back goes with what follows.</summary>
    public void PageBreak()
    {
        if (_y > MarginTop)
        {
            NextPage();
        }
    }

    public void KeyFigures(IReadOnlyList<KeyFigure> figures, int perRow = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perRow, 1);
        const double gap = 8;
        const double padding = 7;
        var cardWidth = (ContentWidth - (gap * (perRow - 1))) / perRow;

        var first = true;
        foreach (var row in figures.Chunk(perRow))
        {
            var smallLines = row.Max(f => (f.Detail is null ? 0 : 1) + (f.Change is null ? 0 : 1));
            var cardHeight = (2 * padding) + _theme.CardLabel.LineHeight + _theme.CardValue.LineHeight
                             + (smallLines * _theme.CardSmall.LineHeight);
            if (first)
            {
                Place((gap / 2) + cardHeight, BlockKind.KeyFigures, string.Join("、", figures.Select(f => f.Label)));
                _y += gap / 2;
                first = false;
            }

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

        var (header, laidOut) = LayOutTable(columns, rows);
        Place(header.Height + laidOut.Take(LinesKeptTogether).Sum(r => r.Height), BlockKind.Table, TableName(columns));
        DrawTable(columns, rows, header, laidOut);
    }

    private static string TableName(IReadOnlyList<TableColumn> columns) => string.Join("|", columns.Select(c => c.Header));

    private (LaidOutRow Header, List<LaidOutRow> Rows) LayOutTable(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows)
    {
        var totalWeight = columns.Sum(c => c.RelativeWidth);
        var widths = columns.Select(c => ContentWidth * c.RelativeWidth / totalWeight).ToArray();
        return (LayOutRow(columns.Select(c => c.Header).ToList(), widths, _theme.TableHeader),
            [.. rows.Select(r => LayOutRow(r.Cells, widths, _theme.TableCell))]);
    }

    private void DrawTable(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows, LaidOutRow header, List<LaidOutRow> laidOut)
    {
        DrawRow(header, columns, _theme.TableHeader, _theme.HeaderFill);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = laidOut[i];
            if (_y + row.Height > ContentBottom)
            {
                NextPage();
                _blocks.Add(new LaidOutBlock(_pdf.PageCount, BlockKind.Table, TableName(columns)));
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

    public void BarChart(ChartData chart) => Chart(chart, ChartKind.Bar, 0);

    public void LineChart(ChartData chart) => Chart(chart, ChartKind.Line, 0);

    /// <summary>The whole table goes with the chart when the two fit on a page; a longer one starts under it and breaks on.</summary>
    public void ChartWithTable(ChartData chart, ChartKind kind, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows)
    {
        var (header, laidOut) = LayOutTable(columns, rows);
        var whole = header.Height + laidOut.Sum(r => r.Height);
        var page = ContentBottom - MarginTop - _held.Sum(h => h.Height) - ChartHeight(chart, kind) - BlockSpacing;
        Chart(chart, kind, whole <= page ? whole : header.Height + laidOut.Take(LinesKeptTogether).Sum(r => r.Height));
        _blocks.Add(new LaidOutBlock(_pdf.PageCount, BlockKind.Table, TableName(columns)));
        DrawTable(columns, rows, header, laidOut);
    }

    private double ChartHeight(ChartData chart, ChartKind kind) =>
        kind == ChartKind.Bar ? _charts.BarChartHeight(chart) : _charts.LineChartHeight();

    private void Chart(ChartData chart, ChartKind kind, double keptBelow)
    {
        Validate(chart);
        var height = ChartHeight(chart, kind);
        Place(height + BlockSpacing + keptBelow, BlockKind.Chart, chart.Title);
        if (kind == ChartKind.Bar)
        {
            _charts.DrawBarChart(_page, chart, MarginX, _y, ContentWidth);
        }
        else
        {
            _charts.DrawLineChart(_page, chart, MarginX, _y, ContentWidth);
        }

        _y += height + BlockSpacing;
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
        if (_held.Count > 0)
        {
            Place(0, _held[^1].Kind, _held[^1].Text); // a heading with nothing after it still prints
            _blocks.RemoveAt(_blocks.Count - 1);
        }

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
