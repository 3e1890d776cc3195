namespace GrievanceDesk.Reports.Layout;

/// <summary>
/// A report written top to bottom in the words of a document, not in coordinates. The document paginates, repeats
/// table headers and numbers its pages itself. <see cref="Pdf.PdfSharpReportDocument"/> is one renderer; a QuestPDF
/// one could replace it without touching the code that composes a report.
/// </summary>
public interface IReportDocument
{
    /// <summary>The document's title block, once, at the top of the first page.</summary>
    void Title(string title, string subtitle);

    /// <summary>A section heading; level 1 for 一、二、…, level 2 for （一）（二）…. Never left alone at a page's foot.</summary>
    void Heading(string text, int level = 1);

    /// <summary>Running text, wrapped the Chinese way: between any two CJK characters, Latin words kept whole.</summary>
    /// <param name="keepWithNext">A lead-in to the next block (a table, a chart): a short one goes to a new page with it.</param>
    void Paragraph(string text, TextTone tone = TextTone.Body, bool keepWithNext = false);

    /// <summary>Metric cards, <paramref name="perRow"/> to a row.</summary>
    void KeyFigures(IReadOnlyList<KeyFigure> figures, int perRow = 4);

    /// <summary>A table that breaks across pages and repeats its header row on every page.</summary>
    void Table(IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows);

    /// <summary>Starts a new page (unless the current one is still empty): for a part that opens on its own page.</summary>
    void PageBreak();

    /// <summary>A horizontal bar chart, one bar per category and series, with axis, value labels and legend.</summary>
    void BarChart(ChartData chart);

    /// <summary>A line chart, one line per series over the categories, with axes and legend.</summary>
    void LineChart(ChartData chart);

    /// <summary>A chart and the table of its figures, on the same page; a table longer than a page starts under its chart.</summary>
    void ChartWithTable(ChartData chart, ChartKind kind, IReadOnlyList<TableColumn> columns, IReadOnlyList<TableRow> rows);

    /// <summary>Vertical space between blocks.</summary>
    void Space(double points);

    /// <summary>Finishes the document (page headers, "第 X 页 / 共 Y 页" footers) and returns its bytes. Call once.</summary>
    byte[] Build();
}

public enum ChartKind
{
    Bar,
    Line,
}

/// <summary>What a laid-out page holds, block by block: a heading, a paragraph, a table (or its part on this page)…</summary>
public enum BlockKind
{
    Title,
    Heading,
    Paragraph,
    KeyFigures,
    Table,
    Chart,
}

/// <summary>One block on one page. <paramref name="Text"/>: a heading's or paragraph's text, a chart's title, a table's headers joined by "|".</summary>
public sealed record LaidOutBlock(int Page, BlockKind Kind, string Text);

/// <summary>What every page carries: the document title (PDF metadata) and the running header line.</summary>
public sealed record DocumentSetup(string Title, string RunningHeader, string Author = "GrievanceDesk");

public enum TextTone
{
    Body,

    /// <summary>Smaller and grey: footnotes, thresholds, "how this was counted".</summary>
    Note,
}

/// <summary>One metric card: 受理 412, "较上周 +12".</summary>
/// <param name="Detail">A second line under the value, e.g. the numerator and denominator of a rate.</param>
/// <param name="Change">The change from the previous period, already worded.</param>
public sealed record KeyFigure(string Label, string Value, string? Detail = null, string? Change = null);

public enum CellAlignment
{
    Left,
    Center,
    Right,
}

/// <param name="RelativeWidth">A share of the table's width, relative to the other columns (as QuestPDF's RelativeColumn).</param>
public sealed record TableColumn(string Header, double RelativeWidth, CellAlignment Alignment = CellAlignment.Left);

/// <summary>How a row stands out from its neighbours.</summary>
public enum RowTone
{
    Normal,

    /// <summary>Commended, as a 红榜 row.</summary>
    Good,

    /// <summary>Criticised, as a 黑榜 row.</summary>
    Bad,
}

public sealed record TableRow(IReadOnlyList<string> Cells, RowTone Tone = RowTone.Normal);

/// <summary>A chart's data: one value per category in every series. Say the unit in the title: 受理渠道（件）.</summary>
public sealed record ChartData(string Title, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public double MaxValue => Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
}

public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);
