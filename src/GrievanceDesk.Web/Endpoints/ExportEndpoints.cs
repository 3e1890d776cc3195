using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Domain.Cases;
using Mediator;
using MiniExcelLibs;

namespace GrievanceDesk.Web.Endpoints;

/// <summary>
/// Excel downloads (.xlsx, MiniExcel): the statistics of a period with every grouping, one sheet each, and a case list
/// with its current filters, masked as the list is. Both read the same requests as the JSON endpoints, so the numbers
/// and the rows are the API's.
/// </summary>
internal static class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The most cases one export holds (the list's filters narrow it further).</summary>
    public const int MaxExportedCases = 10_000;

    /// <summary>The columns of a figures row: the one list the statistics sheets share.</summary>
    private static readonly (string Header, Func<StatsFiguresDto, object?> Value)[] FigureColumns =
    [
        ("受理", f => f.Received), ("交办", f => f.Dispatched), ("办结", f => f.Closed), ("在办", f => f.Open), ("超期", f => f.Overdue),
        ("超期办结", f => f.ClosedLate),
        .. Rate("响应率", f => f.ResponseRate), .. Rate("按期办结率", f => f.OnTimeClosureRate), .. Rate("解决率", f => f.ResolutionRate),
        .. Rate("满意率", f => f.SatisfactionRate), .. Rate("重复信访率", f => f.RepeatRate), .. Rate("重办率", f => f.ReopenRate),
        ("集体访", f => f.CollectivePetitions), ("督办", f => f.Escalations),
    ];

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats/export", ExportStats)
            .RequireAuthorization(p => p.RequireRole(StatsAccess.Readers)).WithTags("Statistics")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType)
            .WithSummary("The figures of a period as .xlsx: the totals with 同比 and 累计, then one sheet per grouping (unit, category, region, channel)");
        app.MapGet("/api/cases/export", ExportCases)
            .RequireAuthorization(p => p.RequireRole(Roles.FrontDesk, Roles.Dispatcher, Roles.Leader, Roles.Cadre, Roles.UnitLeader)).WithTags("Cases")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType)
            .WithSummary($"The case list with the same filters as GET /api/cases, masked as the list is, as .xlsx (at most {MaxExportedCases} cases)");
    }

    private static async Task<IResult> ExportStats(DateOnly? from, DateOnly? to, ISender s, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>();
        var total = await s.Send(new GetStats(from, to, null), ct);
        var c = total.Comparison;
        sheets["总计"] = new[]
        {
            Row("本期", $"{total.From:yyyy-MM-dd}—{total.To:yyyy-MM-dd}", total.Total),
            Row("去年同期（同比）", $"{c.SamePeriodLastYearFrom:yyyy-MM-dd}—{c.SamePeriodLastYearTo:yyyy-MM-dd}", c.SamePeriodLastYear),
            Row("本月累计", $"{c.MonthToDateFrom:yyyy-MM-dd}—{total.To:yyyy-MM-dd}", c.MonthToDate),
            Row("本年累计", $"{c.YearToDateFrom:yyyy-MM-dd}—{total.To:yyyy-MM-dd}", c.YearToDate),
        };
        foreach (var (groupBy, sheet) in new[] { ("unit", "按承办单位"), ("category", "按问题分类"), ("region", "按属地"), ("channel", "按渠道") })
        {
            var report = await s.Send(new GetStats(from, to, groupBy), ct);
            sheets[sheet] = report.Groups.Select(g =>
            {
                var row = Row(g.Name, g.Code ?? string.Empty, g.Figures);
                row["排名"] = g.Rank;
                row["综合得分"] = g.Score;
                return row;
            }).ToList();
        }

        return Xlsx(sheets, $"stats-{total.From:yyyyMMdd}-{total.To:yyyyMMdd}.xlsx");
    }

    private static async Task<IResult> ExportCases([AsParameters] CaseEndpoints.ListCasesQuery q, ISender s, CancellationToken ct)
    {
        var rows = new List<Dictionary<string, object?>>();
        var query = q.ToQuery() with { Page = 1, PageSize = ListCasesValidator.MaxPageSize };
        while (rows.Count < MaxExportedCases)
        {
            var page = await s.Send(query, ct);
            rows.AddRange(page.Items.Select(i => new Dictionary<string, object?>
            {
                ["件号"] = i.TrackingNo,
                ["状态"] = i.StatusName,
                ["渠道"] = i.Channel.ToChinese(),
                ["诉求标题"] = i.Subject,
                ["诉求人"] = i.ComplainantName,
                ["联系电话"] = i.ComplainantPhone,
                ["承办单位"] = i.UnitName,
                ["收件时间"] = i.ReceivedAt.ToString("yyyy-MM-dd HH:mm"),
                ["当前时限"] = i.DueAt?.ToString("yyyy-MM-dd HH:mm"),
                ["超期"] = i.Overdue ? "是" : "否",
                ["集体访"] = i.IsCollective ? "是" : "否",
                ["重复件"] = i.IsRepeat ? "是" : "否",
            }));
            if (page.Items.Count < query.PageSize)
            {
                break;
            }

            query = query with { Page = query.Page + 1 };
        }

        return Xlsx(new Dictionary<string, object> { ["信访件"] = rows.Take(MaxExportedCases).ToList() }, "cases.xlsx");
    }

    private static Dictionary<string, object?> Row(string name, string code, StatsFiguresDto figures)
    {
        var row = new Dictionary<string, object?> { ["分组"] = name, ["代码"] = code };
        foreach (var (header, value) in FigureColumns)
        {
            row[header] = value(figures);
        }

        return row;
    }

    private static (string, Func<StatsFiguresDto, object?>)[] Rate(string name, Func<StatsFiguresDto, RateDto> rate) =>
    [
        (name, f => rate(f).Value),
        ($"{name}分子", f => rate(f).Numerator),
        ($"{name}分母", f => rate(f).Denominator),
    ];

    private static IResult Xlsx(Dictionary<string, object> sheets, string fileName)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return TypedResults.File(stream.ToArray(), XlsxContentType, fileName);
    }
}
