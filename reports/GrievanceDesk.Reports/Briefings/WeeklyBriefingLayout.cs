using GrievanceDesk.Reports.Layout;
using GrievanceDesk.Application.Briefings;
using static GrievanceDesk.Application.Briefings.BriefingText;

namespace GrievanceDesk.Reports.Briefings;

/// <summary>
/// The briefing's content and order, written against <see cref="IReportDocument"/> so that any renderer lays out the
/// same document: 一、总体情况 to 九、近八周趋势, with "本周无。" for a section that has nothing to show.
/// </summary>
public static class WeeklyBriefingLayout
{
    public const string Title = "每周信访工作简报";
    public const string NothingThisWeek = "本周无。";
    public const string TrendChartTitle = "近八周受理、办结与超期情况（件）";

    // Wide enough for a tracking number such as XF-20250301-0001 on one line.
    private const double TrackingNumberWidth = 1.9;

    public static DocumentSetup Setup(WeeklyBriefing briefing) => new(
        $"{Title}（{briefing.Year}年第{briefing.Week}周）",
        $"{Title}  ·  {briefing.Year}年第{briefing.Week}周  ·  {Period(briefing.PeriodStart, briefing.PeriodEnd)}");

    /// <summary>The overdue cases listed in section 五; the rest go to the annex.</summary>
    public const int LongestOverdueListed = 10;

    public static void Compose(WeeklyBriefing briefing, IReportDocument document)
    {
        var extras = briefing.Extras;
        if (extras is not null)
        {
            MastheadBlock(briefing, extras.Masthead, document);
        }
        else
        {
            document.Title(Title, $"{briefing.Year}年第{briefing.Week}周（{Period(briefing.PeriodStart, briefing.PeriodEnd)}）");
        }

        document.Paragraph($"生成时间：{briefing.GeneratedAt:yyyy-MM-dd HH:mm}。统计口径为本周一至周日（北京时间）；文中人员姓名均已脱敏。", TextTone.Note);
        if (extras is not null)
        {
            document.Heading("研判");
            document.Paragraph(extras.Assessment);
        }

        Overview(briefing.Headline, document);
        if (extras is not null)
        {
            Context(extras, document);
        }

        ChannelsAndCategories(briefing, document);
        if (extras is not null)
        {
            Streets(extras.Streets, document);
        }

        HotIssues(briefing.HotIssues, document);
        if (extras is not null)
        {
            RollingRankingSection(extras.Rolling, document);
        }
        else
        {
            Ranking(briefing.UnitRanking, document);
        }

        var listed = extras is null ? briefing.OverdueCases : [.. briefing.OverdueCases.Take(LongestOverdueListed)];
        OverdueAndEscalated(listed, briefing.Headline.Overdue.ThisWeek, document, extras);
        Paused(briefing.PausedCases, document);
        Collective(briefing.CollectivePetitions, document);
        Dissatisfied(briefing.DissatisfiedVisits, document);
        Trend(briefing.Trend, document);
        if (extras is not null)
        {
            Annex([.. briefing.OverdueCases.Skip(LongestOverdueListed)], document);
            Definitions(extras.Definitions, document);
        }
    }

    /// <summary>报头: the title, 第N期, the issuing office and date, the signer, and the security line.</summary>
    private static void MastheadBlock(WeeklyBriefing briefing, Masthead masthead, IReportDocument document)
    {
        document.Title(Title, $"{briefing.Year}年第{masthead.IssueNumber}期（第{briefing.Week}周，{Period(briefing.PeriodStart, briefing.PeriodEnd)}）");
        document.Paragraph($"内部资料 注意保存　　　　编发单位：{masthead.Issuer}　　签发人：{masthead.Signer}", TextTone.Note);
        document.Paragraph($"报送：{masthead.ReportTo}。抄送：{masthead.CopyTo}。", TextTone.Note);
    }

    private static void Context(BriefingExtras extras, IReportDocument document)
    {
        var c = extras.Comparison;
        document.Paragraph(
            $"同比（去年同周）受理 {c.ReceivedLastYear} 件、办结 {c.ClosedLastYear} 件；本月累计受理 {c.ReceivedMonthToDate} 件、办结 {c.ClosedMonthToDate} 件；" +
            $"本年累计受理 {c.ReceivedYearToDate} 件、办结 {c.ClosedYearToDate} 件。来访 {extras.VisitBatches} 批 {extras.VisitPeople} 人次；" +
            $"初信初访 {extras.FirstTime} 件，重复访 {extras.Repeats} 件。");
    }

    private static void Streets(IReadOnlyList<AreaRow> streets, IReportDocument document)
    {
        document.Heading("（三）属地分布", level: 2);
        TableOrNothing(document, streets,
        [
            new("属地（街道）", 2.6),
            new("受理", 0.9, CellAlignment.Right),
            new("办结", 0.9, CellAlignment.Right),
            new("期末在办", 1.0, CellAlignment.Right),
            new("期末超期", 1.0, CellAlignment.Right),
        ],
        (r, _) => [r.Name, r.Received.ToString(), r.Closed.ToString(), r.Open.ToString(), r.Overdue.ToString()]);
    }

    private static void RollingRankingSection(RollingRanking rolling, IReportDocument document)
    {
        document.Heading($"四、单位排名（红黑榜，{rolling.Window}）");
        document.Paragraph($"{rolling.Window}受理不少于 {rolling.Ranking.MinimumCases} 件的单位参与排名。综合得分 = {rolling.Weights}。", TextTone.Note, keepWithNext: true);
        RankingTable(rolling.Ranking, document);
        document.Paragraph(rolling.TooFewCases.Count == 0
            ? "件数不足（不参与排名）：无。"
            : $"件数不足（不参与排名）：{string.Join("、", rolling.TooFewCases)}。");
    }

    private static void Annex(IReadOnlyList<OverdueCase> rest, IReportDocument document)
    {
        document.Heading("附件：其余超期及督办件清单");
        OverdueTable(rest, document);
    }

    private static void OverdueTable(IReadOnlyList<OverdueCase> cases, IReportDocument document) =>
        TableOrNothing(document, cases,
        [
            new("受理编号", TrackingNumberWidth),
            new("诉求事项", 3.2),
            new("承办单位", 2.2),
            new("超期天数", 0.95, CellAlignment.Right),
            new("督办层级", 1.1, CellAlignment.Center),
        ],
        // A supervised case whose deadline now lies ahead (extended, or reopened with a new one) is listed, not overdue.
        (c, _) => [c.TrackingNumber, c.Subject, c.Unit, c.DaysOverdue > 0 ? c.DaysOverdue.ToString() : NotApplicable, c.EscalationLevel ?? NotApplicable]);

    /// <summary>The 口径说明 is a page of its own at the end, as a footnote page is.</summary>
    private static void Definitions(IReadOnlyList<Definition> definitions, IReportDocument document)
    {
        document.PageBreak();
        document.Heading("口径说明");
        foreach (var d in definitions)
        {
            document.Paragraph($"{d.Term}：{d.Text}", TextTone.Note);
        }
    }

    private static void Overview(HeadlineFigures h, IReportDocument document)
    {
        document.Heading("一、总体情况");
        var received = Change(h.Received) is { } change ? $"（{change}）" : "";
        document.Paragraph(
            $"本周共受理信访事项 {h.Received.ThisWeek} 件{received}，交办 {h.Dispatched.ThisWeek} 件，办结 {h.Closed.ThisWeek} 件；" +
            $"截至周末在办 {h.Open.ThisWeek} 件，其中超期 {h.Overdue.ThisWeek} 件。响应率 {Percent(h.ResponseRate.ThisWeek)}，" +
            $"按期办结率 {Percent(h.OnTimeClosureRate.ThisWeek)}，解决率 {Percent(h.ResolutionRate.ThisWeek)}，" +
            $"满意率 {Percent(h.SatisfactionRate.ThisWeek)}。");

        document.KeyFigures(
        [
            Count("受理（件）", h.Received),
            Count("交办（件）", h.Dispatched),
            Count("办结（件）", h.Closed),
            Count("在办（件）", h.Open),
            Count("超期在办（件）", h.Overdue),
            Count("超期办结（件）", h.ClosedLate),
            Count("集体访（批次）", h.CollectivePetitions),
            Count("升级督办（次）", h.Escalations),
        ]);
        document.KeyFigures(
        [
            RateCard("响应率", h.ResponseRate),
            RateCard("按期办结率", h.OnTimeClosureRate),
            RateCard("解决率", h.ResolutionRate),
            RateCard("满意率", h.SatisfactionRate),
            RateCard("重复信访率", h.RepeatRate),
            RateCard("重新办理率", h.ReopenRate),
        ], perRow: 3);

        static KeyFigure Count(string label, CountFigure figure) => new(label, figure.ThisWeek.ToString(), Change: Change(figure));

        static KeyFigure RateCard(string label, RateFigure figure) =>
            new(label, Percent(figure.ThisWeek), Fraction(figure.ThisWeek), Change(figure));
    }

    private static void ChannelsAndCategories(WeeklyBriefing briefing, IReportDocument document)
    {
        document.Heading("二、渠道与分类");
        Breakdown("（一）受理渠道", "各渠道受理量（件）", briefing.Channels);
        Breakdown("（二）问题分类", "各类问题受理量（件）", briefing.Categories);

        void Breakdown(string heading, string chartTitle, IReadOnlyList<LabelledCount> counts)
        {
            document.Heading(heading, level: 2);
            if (counts.Count == 0)
            {
                document.Paragraph(NothingThisWeek);
                return;
            }

            var top = counts.MaxBy(c => c.Count)!;
            var total = counts.Sum(c => c.Count);
            document.Paragraph($"{top.Label}最多，{top.Count} 件，占 {Percent(new Rate(top.Count, total))}。", keepWithNext: true);
            document.BarChart(new ChartData(chartTitle, [.. counts.Select(c => c.Label)],
                [new ChartSeries("受理件数", [.. counts.Select(c => (double)c.Count)])]));
        }
    }

    private static void HotIssues(IReadOnlyList<HotIssue> issues, IReportDocument document)
    {
        document.Heading("三、热点问题");
        TableOrNothing(document, issues,
        [
            new("序号", 0.6, CellAlignment.Center),
            new("热点问题", 3.4),
            new("问题分类", 1.5),
            new("件数", 0.7, CellAlignment.Right),
            new("首次出现", 1.35, CellAlignment.Center),
            new("最近出现", 1.35, CellAlignment.Center),
        ],
        (issue, i) => [(i + 1).ToString(), issue.Label, issue.Category, issue.Count.ToString(), Date(issue.FirstSeen), Date(issue.LastSeen)]);
    }

    private static void Ranking(UnitRanking ranking, IReportDocument document)
    {
        document.Heading("四、单位排名（红黑榜）");
        if (ranking.Rows.Count == 0)
        {
            document.Paragraph(NothingThisWeek);
            return;
        }

        document.Paragraph($"本周办件量不少于 {ranking.MinimumCases} 件的单位参与排名；红榜、黑榜单位以底色标示。", TextTone.Note, keepWithNext: true);
        RankingTable(ranking, document);
    }

    private static void RankingTable(UnitRanking ranking, IReportDocument document)
    {
        if (ranking.Rows.Count == 0)
        {
            document.Paragraph(NothingThisWeek);
            return;
        }

        document.Table(
        [
            new("名次", 0.6, CellAlignment.Center),
            new("承办单位", 2.7),
            new("办件量", 0.85, CellAlignment.Right),
            new("响应率", 0.95, CellAlignment.Right),
            new("按期办结率", 1.15, CellAlignment.Right),
            new("解决率", 0.95, CellAlignment.Right),
            new("满意率", 0.95, CellAlignment.Right),
            new("超期件", 0.85, CellAlignment.Right),
            new("榜单", 0.8, CellAlignment.Center),
        ],
        [
            .. ranking.Rows.Select(r => new TableRow(
                [
                    r.Rank.ToString(), r.Unit, r.Cases.ToString(), Percent(r.ResponseRate), Percent(r.OnTimeClosureRate),
                    Percent(r.ResolutionRate), Percent(r.SatisfactionRate), r.Overdue.ToString(), MarkText(r.Mark),
                ],
                r.Mark switch
                {
                    RankingMark.RedList => RowTone.Good,
                    RankingMark.BlackList => RowTone.Bad,
                    _ => RowTone.Normal,
                })),
        ]);

        static string MarkText(RankingMark mark) => mark switch
        {
            RankingMark.RedList => "红榜",
            RankingMark.BlackList => "黑榜",
            _ => "",
        };
    }

    /// <summary>The list may be the longest-overdue part of a larger whole: the total comes from the headline.</summary>
    private static void OverdueAndEscalated(IReadOnlyList<OverdueCase> cases, int overdueTotal, IReportDocument document, BriefingExtras? extras)
    {
        document.Heading("五、超期与督办件");
        if (extras is not null)
        {
            document.Paragraph($"信访办自身待派单：期末 {extras.OfficeBacklogOpen} 件，其中超期 {extras.OfficeBacklogOverdue} 件（不计入任何承办单位）。");
            document.Heading("（一）各单位超期情况", level: 2);
            TableOrNothing(document, extras.OverdueByUnit,
            [
                new("承办单位", 2.8),
                new("期末在办", 1.0, CellAlignment.Right),
                new("期末超期", 1.0, CellAlignment.Right),
            ],
            (r, _) => [r.Name, r.Open.ToString(), r.Overdue.ToString()]);
            document.Heading($"（二）超期最久的 {LongestOverdueListed} 件", level: 2);
        }

        if (cases.Count > 0)
        {
            document.Paragraph(cases.Count < overdueTotal
                ? $"截至周末，超期未办结的信访事项共 {overdueTotal} 件，以下列出超期最久的 {cases.Count} 件（含已升级督办件）。"
                : $"截至周末，超期未办结或已升级督办的信访事项共 {cases.Count} 件。", keepWithNext: true);
        }

        OverdueTable(cases, document);
        if (extras is not null)
        {
            Supervision(extras.SupervisionOrders, document);
        }
    }

    /// <summary>The supervision orders issued in the week and their cases' state; only with the extras.</summary>
    private static void Supervision(IReadOnlyList<SupervisionRow> orders, IReportDocument document)
    {
        document.Heading("（三）本周督办单", level: 2);
        TableOrNothing(document, orders,
        [
            new("受理编号", TrackingNumberWidth),
            new("承办单位", 2.3),
            new("督办类型", 1.3, CellAlignment.Center),
            new("发出日期", 1.3, CellAlignment.Center),
            new("办理状态", 1.2, CellAlignment.Center),
        ],
        (o, _) => [o.TrackingNumber, o.Unit, o.Source, Date(o.IssuedOn), o.CaseState]);
    }

    private static void Paused(IReadOnlyList<PausedCase> cases, IReportDocument document)
    {
        document.Heading("六、中止（暂停）件");
        TableOrNothing(document, cases,
        [
            new("受理编号", TrackingNumberWidth),
            new("承办单位", 2.3),
            new("中止原因", 3.0),
            new("中止起始", 1.35, CellAlignment.Center),
            new("已中止天数", 1.1, CellAlignment.Right),
        ],
        (c, _) => [c.TrackingNumber, c.Unit, c.Reason, Date(c.PausedSince), c.DaysPaused.ToString()]);
    }

    private static void Collective(IReadOnlyList<CollectivePetition> petitions, IReportDocument document)
    {
        document.Heading("七、集体访");
        if (petitions.Count > 0)
        {
            document.Paragraph($"本周集体访 {petitions.Count} 批次，共 {petitions.Sum(p => p.HeadCount)} 人次。", keepWithNext: true);
        }

        TableOrNothing(document, petitions,
        [
            new("受理编号", TrackingNumberWidth),
            new("诉求事项", 3.9),
            new("人数", 0.75, CellAlignment.Right),
            new("承办单位", 2.5),
        ],
        (p, _) => [p.TrackingNumber, p.Subject, p.HeadCount.ToString(), p.Unit]);
    }

    private static void Dissatisfied(IReadOnlyList<DissatisfiedVisit> visits, IReportDocument document)
    {
        document.Heading("八、不满意回访");
        TableOrNothing(document, visits,
        [
            new("受理编号", TrackingNumberWidth),
            new("诉求人", 0.9, CellAlignment.Center),
            new("承办单位", 2.3),
            new("回访意见", 4.0),
        ],
        (v, _) => [v.TrackingNumber, v.Complainant, v.Unit, v.Note]);
    }

    private static void Trend(IReadOnlyList<WeeklyTrendPoint> weeks, IReportDocument document)
    {
        document.Heading("九、近八周趋势");
        if (weeks.Count == 0)
        {
            document.Paragraph(NothingThisWeek);
            return;
        }

        string[] labels = [.. weeks.Select(w => w.WeekLabel)];
        var chart = new ChartData(TrendChartTitle, labels,
        [
            new ChartSeries("受理", [.. weeks.Select(w => (double)w.Received)]),
            new ChartSeries("办结", [.. weeks.Select(w => (double)w.Closed)]),
            new ChartSeries("超期", [.. weeks.Select(w => (double)w.Overdue)]),
        ]);
        document.ChartWithTable(chart, ChartKind.Line,
        [
            new("周次", 1, CellAlignment.Center),
            new("受理（件）", 1, CellAlignment.Center),
            new("办结（件）", 1, CellAlignment.Center),
            new("超期（件）", 1, CellAlignment.Center),
        ],
        [.. weeks.Select(w => new TableRow([w.WeekLabel, w.Received.ToString(), w.Closed.ToString(), w.Overdue.ToString()]))]);
    }

    private static void TableOrNothing<T>(
        IReportDocument document, IReadOnlyList<T> items, IReadOnlyList<TableColumn> columns, Func<T, int, string[]> cells)
    {
        if (items.Count == 0)
        {
            document.Paragraph(NothingThisWeek);
            return;
        }

        document.Table(columns, [.. items.Select((item, i) => new TableRow(cells(item, i)))]);
    }
}
