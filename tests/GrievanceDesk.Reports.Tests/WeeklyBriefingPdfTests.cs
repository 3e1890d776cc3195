using System.Text;
using System.Text.RegularExpressions;
using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Reports.Briefings;
using GrievanceDesk.Reports.Layout.Pdf;

namespace GrievanceDesk.Reports.Tests;

public sealed partial class WeeklyBriefingPdfTests
{
    private static readonly Lazy<byte[]> RealisticPdf = new(() => new PdfSharpBriefingRenderer().Render(SampleBriefings.Realistic()));
    private static readonly Lazy<PdfText> Realistic = new(() => PdfText.Of(RealisticPdf.Value));

    [Fact]
    public void Headline_figures_copy_out_of_the_pdf_exactly_as_written()
    {
        var text = Realistic.Value.All;

        text.ShouldContain("每周信访工作简报");
        text.ShouldContain("2025年第12周（2025年3月17日—3月23日）");
        text.ShouldContain(SampleBriefings.HousingCommission);
        text.ShouldContain("本周共受理信访事项 412 件（较上周 +12）");
        text.ShouldContain("按期办结率92.1%350 / 380较上周 -0.2个百分点");
        text.ShouldContain("超期在办（件）23较上周 -3");
    }

    [Fact]
    public void Sections_come_in_the_briefing_order()
    {
        var text = Realistic.Value.All;
        string[] sections =
        [
            "一、总体情况", "二、渠道与分类", "三、热点问题", "四、单位排名（红黑榜）", "五、超期与督办件",
            "六、中止（暂停）件", "七、集体访", "八、不满意回访", "九、近八周趋势",
        ];

        var positions = sections.Select(s => text.IndexOf(s, StringComparison.Ordinal)).ToList();

        positions.ShouldAllBe(p => p >= 0);
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public void Overdue_table_repeats_its_header_row_on_every_page_it_spans()
    {
        const string header = "受理编号诉求事项承办单位超期天数督办层级";
        var pagesSpanned = Realistic.Value.Pages
            .Where(p => p.Text.Contains(SampleBriefings.OverdueTrackingNumber(1)[..12], StringComparison.Ordinal))
            .Select(p => (p.Number, First: FirstOverdueRow(p.Text), Header: p.Text.IndexOf(header, StringComparison.Ordinal)))
            .ToList();

        pagesSpanned.Count.ShouldBeGreaterThanOrEqualTo(3);
        pagesSpanned.ShouldAllBe(p => p.Header >= 0 && p.Header < p.First, "the header heads the rows on every page");
        Enumerable.Range(1, SampleBriefings.OverdueRows)
            .ShouldAllBe(n => Realistic.Value.All.Contains(SampleBriefings.OverdueTrackingNumber(n), StringComparison.Ordinal));

        static int FirstOverdueRow(string page) => OverdueNumber().Match(page).Index;
    }

    [Fact]
    public void Every_page_is_numbered_with_the_total()
    {
        var pages = Realistic.Value.Pages;

        pages.Count.ShouldBeGreaterThan(3);
        pages.ShouldAllBe(p => p.Text.Contains($"第 {p.Number} 页 / 共 {pages.Count} 页", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complainant_named_and_numbered_in_raw_text_reaches_the_pdf_only_masked()
    {
        // The rows as the builder fills them from a case: the complainant through Masking.Name, the case's own text
        // through FreeTextMasking with that case's complainant names (WeeklyBriefingBuilder, BriefingMask).
        string[] names = ["欧阳娜娜"];
        const string note = "欧阳娜娜再次来电：电梯仍未修复，请回电139 1234 5678，身份证11010119900307123X。";
        const string subject = "欧阳娜娜等21人反映幼儿园停办（座机010-62345678）";
        var briefing = SampleBriefings.Realistic() with
        {
            DissatisfiedVisits = [new("XF-20250311-0045", Masking.Name(names[0])!, SampleBriefings.HousingCommission, FreeTextMasking.Mask(note, names))],
            CollectivePetitions = [new("XF-20250321-0150", FreeTextMasking.Mask(subject, names), 21, "教育局")],
        };

        var text = PdfText.Of(new PdfSharpBriefingRenderer().Render(briefing));
        var words = string.Join(" ", text.Pages.SelectMany(p => p.Words));

        text.All.ShouldContain("XF-20250311-0045欧***" + SampleBriefings.HousingCommission);
        text.All.ShouldContain("139****5678");
        text.All.ShouldContain("110***********123X");
        text.All.ShouldContain("欧***等21人反映幼儿园停办（座机010****5678）");
        text.All.ShouldNotContain("欧阳娜娜");
        text.All.ShouldNotContain("19900307");
        LongDigitRun().IsMatch(words).ShouldBeFalse("no run of 11 or more digits: a mobile number has 11, an ID number 18");
    }

    [Fact]
    public void File_is_small_because_the_font_is_embedded_as_a_subset()
    {
        var pdf = RealisticPdf.Value;

        pdf.Length.ShouldBeLessThan(400_000);
        var fonts = Realistic.Value.Pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(name => name != null && SubsetFontName().IsMatch(name), "a subset font is named ABCDEF+Family");
        Encoding.Latin1.GetString(pdf).ShouldContain("/FontFile2", Case.Sensitive, "the TrueType font program is embedded");
    }

    [Fact]
    public void Every_letter_stays_between_the_margins()
    {
        var outside = Realistic.Value.Pages
            .SelectMany(p => p.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value))
                .Where(l => l.BoundingBox.Left < PdfSharpReportDocument.Margin - 1
                            || l.BoundingBox.Right > p.Width - PdfSharpReportDocument.Margin + 1)
                .Select(l => $"page {p.Number}: '{l.Value}' at {l.BoundingBox.Left:0.0}–{l.BoundingBox.Right:0.0}"))
            .ToList();

        outside.ShouldBeEmpty();
    }

    [Fact]
    public void Empty_briefing_says_so_in_every_section_and_prints_dashes_for_rates()
    {
        var text = PdfText.Of(new PdfSharpBriefingRenderer().Render(SampleBriefings.Empty())).All;

        // 二 has two subsections; 三 to 九 one each.
        Regex.Count(text, WeeklyBriefingLayout.NothingThisWeek).ShouldBe(9);
        text.ShouldContain("2026年第1周（2025年12月29日—2026年1月4日）");
        text.ShouldContain("响应率—0 / 0");
        text.ShouldContain("满意率 —");
        text.ShouldNotContain("较上周");
    }

    [GeneratedRegex(@"\d{11,}")]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(@"^[A-Z]{6}\+Noto Sans SC")]
    private static partial Regex SubsetFontName();

    [GeneratedRegex(@"XF-20250301-\d{4}")]
    private static partial Regex OverdueNumber();
}
