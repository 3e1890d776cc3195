using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Reports.Briefings;
using GrievanceDesk.Reports.Layout;
using GrievanceDesk.Reports.Layout.Pdf;

namespace GrievanceDesk.Reports.Tests;

/// <summary>
/// Keep-with-next: a heading never ends a page, a lead-in goes with its table, a chart shares its page with its table.
/// Checked on the layout (<see cref="PdfSharpReportDocument.Blocks"/>) over briefings whose sections fall at every
/// height of the page, and on the text of each page of the PDF.
/// </summary>
public sealed class KeepTogetherTests
{
    private static readonly TableColumn[] Columns = [new("编号", 1), new("内容", 4), new("件数", 1, CellAlignment.Right)];

    private static readonly ChartData Chart = new("近八周受理情况（件）", ["第1周", "第2周", "第3周"], [new ChartSeries("受理", [3, 5, 4])]);

    /// <summary>The sample briefing, with and without the extras, shifted down the page by 0 to 11 lines of its sections.</summary>
    public static TheoryData<int> Shifts() => [.. Enumerable.Range(0, 12)];

    [Theory]
    [MemberData(nameof(Shifts))]
    public void No_page_of_a_briefing_ends_with_a_heading(int shift)
    {
        foreach (var briefing in new[] { Shifted(SampleBriefings.Realistic(), shift), Shifted(WithExtras(SampleBriefings.Realistic()), shift) })
        {
            var (blocks, text) = Lay(briefing);

            var pages = blocks.GroupBy(b => b.Page).ToList();
            pages.Count.ShouldBeGreaterThan(3);
            pages.ShouldAllBe(page => page.Last().Kind != BlockKind.Heading, $"shift {shift}: a heading ends a page");
            for (var i = 0; i < blocks.Count; i++)
            {
                if (blocks[i] is not { Kind: BlockKind.Heading } heading)
                {
                    continue;
                }

                var next = blocks[i + 1];
                next.Page.ShouldBe(heading.Page, $"shift {shift}: '{heading.Text}' is on a page without what follows it");
                text.Pages[heading.Page - 1].Text.ShouldContain(heading.Text);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shifts))]
    public void The_trend_chart_shares_its_page_with_its_whole_table(int shift)
    {
        var (blocks, text) = Lay(Shifted(WithExtras(SampleBriefings.Realistic()), shift));

        var chart = blocks.Single(b => b.Kind == BlockKind.Chart && b.Text == WeeklyBriefingLayout.TrendChartTitle);
        var table = blocks[blocks.IndexOf(chart) + 1];
        table.Kind.ShouldBe(BlockKind.Table);
        blocks.Where(b => b.Text == table.Text).ShouldAllBe(b => b.Page == chart.Page, "the table does not break away from its chart");
        var page = text.Pages[chart.Page - 1].Text;
        page.ShouldContain(WeeklyBriefingLayout.TrendChartTitle);
        page.ShouldContain("周次受理（件）办结（件）超期（件）");
        page.ShouldContain("第5周288270");
        page.ShouldContain("第12周41238023");
    }

    [Fact]
    public void A_heading_that_would_sit_at_the_foot_goes_to_the_next_page_with_its_table()
    {
        var (blocks, text) = Lay(d =>
        {
            FillTo(d, 0.93);
            d.Heading("五、超期与督办件");
            d.Table(Columns, [new TableRow(["A-1", "电梯停运", "1"]), new TableRow(["A-2", "噪声扰民", "2"])]);
        });

        blocks.Single(b => b.Kind == BlockKind.Heading).Page.ShouldBe(2);
        text.Pages[0].Text.ShouldNotContain("五、超期与督办件");
        text.Pages[1].Text.ShouldContain("五、超期与督办件编号内容件数A-1");
    }

    [Fact]
    public void A_heading_goes_to_the_next_page_when_its_table_header_and_first_row_fit_but_the_second_does_not()
    {
        // Rows of about eight lines each: the heading, the header and one row fit at the foot, the second row does not.
        var tall = string.Concat(Enumerable.Repeat("一段在单元格里折成多行的较长文字内容，用来撑高这一行的行距。", 8));
        var (blocks, text) = Lay(d =>
        {
            FillTo(d, 0.74);
            d.Heading("附件：其余超期及督办件清单");
            d.Table(Columns, [new TableRow(["A-1", tall, "1"]), new TableRow(["A-2", tall, "2"]), new TableRow(["A-3", "短", "3"])]);
        });

        blocks.Where(b => b.Kind is BlockKind.Heading or BlockKind.Table).ShouldAllBe(b => b.Page == 2);
        text.Pages[1].Text.ShouldContain("附件：其余超期及督办件清单编号内容件数A-1");
    }

    [Fact]
    public void A_section_heading_its_subheading_and_lead_in_go_to_the_next_page_with_the_chart()
    {
        var chart = new ChartData("各类问题受理量（件）", [.. Enumerable.Range(1, 10).Select(i => $"分类{i}")], [new ChartSeries("受理件数", [.. Enumerable.Range(1, 10).Select(i => (double)i)])]);
        var (blocks, text) = Lay(d =>
        {
            FillTo(d, 0.66);
            d.Heading("二、渠道与分类");
            d.Heading("（一）问题分类", level: 2);
            d.Paragraph("城乡建设最多，12 件，占 20.0%。", keepWithNext: true);
            d.BarChart(chart);
        });

        blocks.Skip(1).ShouldAllBe(b => b.Page == 2);
        text.Pages[0].Text.ShouldNotContain("二、渠道与分类");
        text.Pages[1].Text.ShouldContain("二、渠道与分类（一）问题分类城乡建设最多，12 件，占 20.0%。各类问题受理量（件）");
    }

    [Fact]
    public void A_lead_in_goes_to_the_next_page_with_its_table_and_a_long_paragraph_still_breaks()
    {
        var (blocks, text) = Lay(d =>
        {
            FillTo(d, 0.95);
            d.Paragraph("本周集体访 4 批次，共 76 人次。", keepWithNext: true);
            d.Table(Columns, [new TableRow(["A-1", "逾期交房", "35"])]);
        });

        blocks.Single(b => b.Text.StartsWith("本周集体访", StringComparison.Ordinal)).Page.ShouldBe(2);
        text.Pages[1].Text.ShouldContain("本周集体访 4 批次，共 76 人次。编号内容件数");
    }

    [Fact]
    public void A_chart_moves_to_the_next_page_when_its_table_would_not_fit_under_it()
    {
        var rows = Enumerable.Range(1, 8).Select(i => new TableRow([$"第{i}周", "受理", $"{i}"])).ToList();
        var (blocks, text) = Lay(d =>
        {
            FillTo(d, 0.45);
            d.Heading("九、近八周趋势");
            d.ChartWithTable(Chart, ChartKind.Line, Columns, rows);
        });

        blocks.Where(b => b.Kind is BlockKind.Heading or BlockKind.Chart or BlockKind.Table).ShouldAllBe(b => b.Page == 2);
        text.Pages[1].Text.ShouldContain("九、近八周趋势近八周受理情况（件）");
        text.Pages[1].Text.ShouldContain("第8周受理8");
    }

    [Fact]
    public void A_last_heading_with_nothing_after_it_is_still_printed()
    {
        var (blocks, text) = Lay(d => d.Heading("附件"));

        blocks.Single().Kind.ShouldBe(BlockKind.Heading);
        text.All.ShouldContain("附件");
    }

    [Fact]
    public void The_definitions_open_a_page_of_their_own()
    {
        var (blocks, text) = Lay(WithExtras(SampleBriefings.Realistic()));

        var heading = blocks.Single(b => b.Text == "口径说明");
        blocks[blocks.IndexOf(heading) - 1].Page.ShouldBe(heading.Page - 1);
        text.Pages[heading.Page - 1].Text.ShouldContain("口径说明受理：");
    }

    /// <summary>Moves every later section down by <paramref name="shift"/> lines: hot issues and paused cases fewer or more.</summary>
    private static WeeklyBriefing Shifted(WeeklyBriefing briefing, int shift) => briefing with
    {
        HotIssues = [.. Enumerable.Range(0, shift % 6).Select(i => briefing.HotIssues[i % briefing.HotIssues.Count])],
        PausedCases = [.. briefing.PausedCases.Take(shift / 4)],
        Channels = [.. briefing.Channels.Take(2 + (shift % 5))],
    };

    private static WeeklyBriefing WithExtras(WeeklyBriefing b) => b with
    {
        Extras = new BriefingExtras(
            new Masthead(12, "清河区人民政府信访办公室", "陈建国", "区委、区政府主要领导", "各街道办事处"),
            "本周受理 412 件，环比上升 3.0%。超期在办存量下降。",
            new PeriodComparison(380, 350, 1200, 1100, 4000, 3800),
            7, 41, 375, 37,
            [new("东风街道", 120, 98, 40, 6), new("西湖街道", 101, 90, 35, 5), new("南苑街道", 99, 80, 30, 4), new("北辰街道", 92, 70, 25, 3)],
            new RollingRanking("近4周（3月3日—3月23日）", "响应率×20% + 按期办结率×20% + 解决率×30% + 满意率×30%", b.UnitRanking, ["水务局（8件）", "商务局（3件）"]),
            [.. SampleBriefings.Units.Take(12).Select((u, i) => new AreaRow(u, 0, 0, 30 - i, 12 - i))],
            11, 9,
            [.. Enumerable.Range(1, 9).Select(i => new SupervisionRow(SampleBriefings.OverdueTrackingNumber(i), SampleBriefings.Units[i], "督办", new DateOnly(2025, 3, 17 + (i % 5)), "办理中"))],
            [new("受理", "统计期内收到的信访事项。"), new("办结", "统计期内结案的次数。")]),
    };

    private static (List<LaidOutBlock> Blocks, PdfText Text) Lay(WeeklyBriefing briefing) =>
        Lay(d => WeeklyBriefingLayout.Compose(briefing, d), WeeklyBriefingLayout.Setup(briefing));

    private static (List<LaidOutBlock> Blocks, PdfText Text) Lay(Action<IReportDocument> compose, DocumentSetup? setup = null)
    {
        using var document = new PdfSharpReportDocument(setup ?? new DocumentSetup("测试", "测试页眉"));
        compose(document);
        var pdf = document.Build();
        return ([.. document.Blocks], PdfText.Of(pdf));
    }

    /// <summary>Fills about <paramref name="share"/> of the first page's body (about 718 points on A4).</summary>
    private static void FillTo(IReportDocument document, double share)
    {
        document.Paragraph("第一页。");
        document.Space((share * 718) - 20);
    }
}
