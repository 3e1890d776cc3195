using System.Net;
using System.Net.Http.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using MiniExcelLibs;
using static GrievanceDesk.Functional.Tests.Stats.HandBuiltCases;

namespace GrievanceDesk.Functional.Tests.Stats;

/// <summary>The .xlsx downloads open with MiniExcel and hold the API's numbers and rows.</summary>
public sealed class ExportTests(HandBuiltCasesFactory app) : IClassFixture<HandBuiltCasesFactory>
{
    private const string Week = $"from={From}&to={To}";

    [Fact]
    public async Task The_statistics_workbook_holds_the_api_figures_for_every_grouping()
    {
        var leader = await app.SignedIn(As.Leader);
        var response = await leader.GetAsync($"/api/stats/export?{Week}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        var sheets = xlsx.GetSheetNames();
        sheets.ShouldBe(["总计", "按承办单位", "按问题分类", "按属地", "按渠道"]);

        var total = (await leader.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/stats?{Week}", GrievanceDeskFactory.Json)).GetProperty("total");
        var first = xlsx.Query(useHeaderRow: true, sheetName: "总计").Cast<IDictionary<string, object>>().First();
        Number(first["受理"]).ShouldBe(total.GetProperty("received").GetInt32());
        Number(first["办结"]).ShouldBe(total.GetProperty("closed").GetInt32());
        Number(first["超期"]).ShouldBe(total.GetProperty("overdue").GetInt32());
        Number(first["响应率分子"]).ShouldBe(total.GetProperty("responseRate").GetProperty("numerator").GetInt32());
        Number(first["响应率分母"]).ShouldBe(total.GetProperty("responseRate").GetProperty("denominator").GetInt32());

        foreach (var (groupBy, sheet) in new[] { ("unit", "按承办单位"), ("category", "按问题分类"), ("region", "按属地"), ("channel", "按渠道") })
        {
            var groups = (await leader.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/stats?{Week}&groupBy={groupBy}", GrievanceDeskFactory.Json))
                .GetProperty("groups").EnumerateArray().ToList();
            var rows = xlsx.Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
            rows.Select(r => (string)r["分组"]).ShouldBe(groups.Select(g => g.GetProperty("name").GetString()!));
            rows.Select(r => Number(r["受理"])).ShouldBe(groups.Select(g => g.GetProperty("figures").GetProperty("received").GetInt32()));
            rows.Select(r => Number(r["办结"])).ShouldBe(groups.Select(g => g.GetProperty("figures").GetProperty("closed").GetInt32()));
            rows.Select(r => Number(r["在办"])).ShouldBe(groups.Select(g => g.GetProperty("figures").GetProperty("open").GetInt32()));
        }
    }

    [Fact]
    public async Task The_case_list_workbook_has_the_lists_rows_with_its_filters_and_masking()
    {
        var leader = await app.SignedIn(As.Leader);
        const string filters = $"unit={UnitA}&from={From}&to={To}";
        var list = await leader.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases?{filters}&pageSize=100", GrievanceDeskFactory.Json);
        var items = list.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBeGreaterThan(5);

        var response = await leader.GetAsync($"/api/cases/export?{filters}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        rows.Select(r => (string)r["件号"]).ShouldBe(items.Select(i => i.GetProperty("trackingNo").GetString()!));
        rows.Select(r => r["联系电话"] as string).ShouldBe(items.Select(i => i.GetProperty("complainantPhone").GetString()));
        rows.Select(r => r["联系电话"] as string).ShouldAllBe(p => p == null || p.Contains('*'));
    }

    [Fact]
    public async Task Admin_may_not_export_statistics()
    {
        var admin = await app.SignedIn(As.Admin);
        (await admin.GetAsync($"/api/stats/export?{Week}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static int Number(object value) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
}
