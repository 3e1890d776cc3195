using GrievanceDesk.Reports.Layout;
using GrievanceDesk.Reports.Layout.Pdf;

namespace GrievanceDesk.Reports.Tests;

public sealed class PdfSharpReportDocumentTests
{
    private const string LongParagraph =
        "本周GrievanceDesk系统共受理12345热线来电，群众反映的问题主要集中在城乡建设、劳动和社会保障、市场监管等领域。" +
        "其中，住房和城乡建设委员会承办的老旧小区电梯维修、物业服务纠纷等事项占比较高（约三成），" +
        "请各承办单位对照督办清单逐项核查，确保按期办结，并于下周一前将整改情况报送市信访办。";

    [Fact]
    public void Chinese_paragraph_wraps_within_the_page_and_keeps_Latin_words_on_one_line()
    {
        var page = Render(d => d.Paragraph(LongParagraph)).Pages.Single();
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
        var right = page.Width - PdfSharpReportDocument.Margin;
        // PdfPig measures from the page's foot: the body lies between the footer (~30) and the running header (~795).
        var paragraphLines = letters.Where(l => l.StartBaseLine.Y is > 80 and < 785).Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count();

        paragraphLines.ShouldBeGreaterThanOrEqualTo(3);
        letters.ShouldAllBe(l => l.BoundingBox.Right <= right + 0.5);
        letters.Max(l => l.BoundingBox.Right).ShouldBeGreaterThan(right - 15, "lines are filled to the margin, not broken early");
        WordBaselines(letters, "GrievanceDesk").Count.ShouldBe(1);
        WordBaselines(letters, "12345").Count.ShouldBe(1);
    }

    [Fact]
    public void A_long_table_repeats_its_header_on_each_page_and_keeps_every_row()
    {
        TableColumn[] columns = [new("编号", 1), new("内容", 4), new("件数", 1, CellAlignment.Right)];
        var rows = Enumerable.Range(1, 120).Select(i => new TableRow([$"R{i:D3}", "这是一段会在单元格里折行的较长文字内容，用来撑高行距", $"{i}"])).ToList();

        var pages = Render(d => d.Table(columns, rows)).Pages;

        pages.Count.ShouldBeGreaterThan(2);
        pages.ShouldAllBe(p => p.Text.Contains("编号内容件数", StringComparison.Ordinal));
        string.Concat(pages.Select(p => p.Text)).ShouldContain("R120");
    }

    [Fact]
    public void Charts_are_drawn_with_their_labels_and_legend_as_text()
    {
        var chart = new ChartData("各渠道受理量（件）", ["12345热线", "网上信访"], [new ChartSeries("受理件数", [180, 96])]);

        var text = Render(d =>
        {
            d.BarChart(chart);
            d.LineChart(chart with { Title = "趋势（件）" });
        }).All;

        text.ShouldContain("各渠道受理量（件）");
        text.ShouldContain("受理件数");
        text.ShouldContain("12345热线");
        text.ShouldContain("180");
        text.ShouldContain("趋势（件）");
    }

    private static PdfText Render(Action<IReportDocument> compose)
    {
        using var document = new PdfSharpReportDocument(new DocumentSetup("测试", "测试页眉"));
        compose(document);
        return PdfText.Of(document.Build());
    }

    private static HashSet<double> WordBaselines(IReadOnlyList<UglyToad.PdfPig.Content.Letter> letters, string word)
    {
        var text = string.Concat(letters.Select(l => l.Value));
        var start = text.IndexOf(word, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"'{word}' is in the text");
        return [.. letters.Skip(start).Take(word.Length).Select(l => Math.Round(l.StartBaseLine.Y))];
    }
}
