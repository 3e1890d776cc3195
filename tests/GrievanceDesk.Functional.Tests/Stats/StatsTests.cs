using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using static GrievanceDesk.Functional.Tests.Stats.HandBuiltCases;

namespace GrievanceDesk.Functional.Tests.Stats;

/// <summary>
/// GET /api/stats over the hand-built week 2026-W10: every figure of docs/product.md §5 for the office, one unit and one category,
/// as worked out by hand in <see cref="HandBuiltCases.Expected"/>.
/// </summary>
public sealed class StatsTests(HandBuiltCasesFactory app) : IClassFixture<HandBuiltCasesFactory>
{
    private const string Week = $"/api/stats?from={From}&to={To}";

    [Fact]
    public async Task The_office_figures_of_the_week_are_those_worked_out_by_hand()
    {
        var report = await Get(As.Leader, Week);

        report.GetProperty("scope").GetString().ShouldBe("office");
        report.GetProperty("asOf").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.FromHours(8)));
        ShouldMatch(report.GetProperty("total"), Expected.Office);
        report.GetProperty("groups").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Unit_figures_add_up_to_the_office_and_match_the_hand_count()
    {
        var report = await Get(As.Leader, Week + "&groupBy=unit");

        report.GetProperty("groupBy").GetString().ShouldBe("unit");
        ShouldMatch(report.GetProperty("total"), Expected.Office);
        ShouldMatch(Group(report, UnitA).GetProperty("figures"), Expected.UnitA);
        ShouldMatch(Group(report, UnitB).GetProperty("figures"), Expected.UnitB);
        ShouldMatch(Group(report, UnitC).GetProperty("figures"), Expected.UnitC);
        ShouldMatch(Group(report, null).GetProperty("figures"), Expected.Queue);
        report.GetProperty("groups").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Only_units_with_the_minimum_of_cases_are_ranked_and_a_perfect_small_unit_is_not()
    {
        var report = await Get(As.Dispatcher, Week + "&groupBy=unit");

        report.GetProperty("minimumCasesForRanking").GetInt32().ShouldBe(10);
        var b = Group(report, UnitB);
        b.GetProperty("ranked").GetBoolean().ShouldBeTrue();
        b.GetProperty("rank").GetInt32().ShouldBe(1);
        b.GetProperty("score").GetDouble().ShouldBe(1.0);
        var a = Group(report, UnitA);
        a.GetProperty("ranked").GetBoolean().ShouldBeTrue();
        a.GetProperty("rank").GetInt32().ShouldBe(2);
        // 20 % × 6/9 + 20 % × 6/8 + 30 % × 3/6 + 30 % × 4/6
        a.GetProperty("score").GetDouble().ShouldBe(0.6333);

        // Unit C is perfect on its two cases, and the queue is nobody's: neither is ranked, both keep their figures.
        foreach (var unranked in new[] { Group(report, UnitC), Group(report, null) })
        {
            unranked.GetProperty("ranked").GetBoolean().ShouldBeFalse();
            unranked.GetProperty("rank").ValueKind.ShouldBe(JsonValueKind.Null);
            unranked.GetProperty("mark").GetString().ShouldBe("none");
        }

        // Ranked first, in rank order.
        report.GetProperty("groups").EnumerateArray().Take(2).Select(g => g.GetProperty("code").GetString()).ShouldBe([UnitB, UnitA]);
    }

    [Fact]
    public async Task A_category_has_the_figures_of_its_cases()
    {
        var report = await Get(As.FrontDesk, Week + "&groupBy=category");

        var x = Group(report, CategoryX);
        x.GetProperty("name").GetString().ShouldBe("物业管理");
        ShouldMatch(x.GetProperty("figures"), Expected.CategoryX);
        x.GetProperty("ranked").GetBoolean().ShouldBeFalse();
        ShouldMatch(report.GetProperty("total"), Expected.Office);
    }

    [Fact]
    public async Task Channels_are_groups_too_and_add_up_to_the_office()
    {
        var report = await Get(As.Leader, Week + "&groupBy=channel");

        var groups = report.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("code").GetString()!);
        groups.Keys.Order().ShouldBe(["call", "letter", "online", "visit"]);
        groups["call"].GetProperty("name").GetString().ShouldBe("来电");
        // Received: calls A1 A2 A4 A7 A9 A10 A11, B1–B10, C2, Q2; online A3 A8 A12 Q1; visits A5 C1; letters none (A6, A14 came earlier).
        groups.Values.Sum(g => g.GetProperty("figures").GetProperty("received").GetInt32()).ShouldBe(Expected.Office.Received);
        groups["call"].GetProperty("figures").GetProperty("received").GetInt32().ShouldBe(19);
        groups["online"].GetProperty("figures").GetProperty("received").GetInt32().ShouldBe(4);
        groups["visit"].GetProperty("figures").GetProperty("received").GetInt32().ShouldBe(2);
        groups["letter"].GetProperty("figures").GetProperty("received").GetInt32().ShouldBe(0);
        groups["letter"].GetProperty("figures").GetProperty("open").GetInt32().ShouldBe(2); // A6, A14
    }

    [Fact]
    public async Task A_units_staff_see_their_own_unit_only_and_no_ranking()
    {
        var report = await Get(As.Cadre, Week + "&groupBy=unit");

        report.GetProperty("scope").GetString().ShouldBe(UnitA);
        ShouldMatch(report.GetProperty("total"), Expected.UnitA);
        var only = report.GetProperty("groups").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("code").GetString().ShouldBe(UnitA);
        only.GetProperty("ranked").GetBoolean().ShouldBeFalse();

        var byCategory = await Get(As.UnitLeader, Week + "&groupBy=category");
        ShouldMatch(byCategory.GetProperty("total"), Expected.UnitA);
    }

    [Fact]
    public async Task Admin_reads_no_statistics()
    {
        var admin = await app.SignedIn(As.Admin);

        await (await admin.GetAsync(Week)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await app.CreateClient().GetAsync(Week)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/api/stats?to=2026-03-08", "from")]
    [InlineData("/api/stats?from=2026-03-08&to=2026-03-01", "to")]
    [InlineData("/api/stats?from=2021-01-01&to=2026-03-08", "to")]
    [InlineData("/api/stats?from=2026-03-02&to=2026-03-08&groupBy=street", "groupBy")]
    [InlineData("/api/stats/hot-issues?from=2026-01-01&to=2026-03-08", "to")]
    public async Task Invalid_periods_and_groupings_are_400_naming_the_field(string url, string field)
    {
        var leader = await app.SignedIn(As.Leader);

        await (await leader.GetAsync(url)).ShouldNameField(field);
    }

    [Fact]
    public async Task Hot_issues_are_one_subject_across_addresses_and_one_address_across_subjects_most_cases_first()
    {
        var issues = await Get(As.Leader, $"/api/stats/hot-issues?from={From}&to={To}");

        var list = issues.EnumerateArray().ToList();
        list.Count.ShouldBe(2);
        // Ten wage cases at ten addresses, alike by text (宏达建筑公司拖欠农民工工资 / 宏达公司拖欠工资).
        list[0].GetProperty("kind").GetString().ShouldBe("subject");
        list[0].GetProperty("label").GetString().ShouldBe(WageSubject);
        list[0].GetProperty("categoryName").GetString().ShouldBe("欠薪");
        list[0].GetProperty("cases").GetInt32().ShouldBe(10);
        list[0].GetProperty("firstSeen").GetString().ShouldBe("2026-03-02");
        list[0].GetProperty("lastSeen").GetString().ShouldBe("2026-03-06");
        // Four cases at 湖滨路8号 (A1, A2, A7, A10), on three subjects.
        list[1].GetProperty("kind").GetString().ShouldBe("address");
        list[1].GetProperty("label").GetString().ShouldBe($"{HotAddress}：小区电梯故障无人维修");
        list[1].GetProperty("cases").GetInt32().ShouldBe(4);
        list[1].GetProperty("trackingNumbers").EnumerateArray().Select(t => t.GetString()).ShouldBe(["ST-A01", "ST-A02", "ST-A07", "ST-A10"]);
    }

    private async Task<JsonElement> Get(string user, string url) => await (await (await app.SignedIn(user)).GetAsync(url)).ShouldBeOk<JsonElement>();

    private static JsonElement Group(JsonElement report, string? code) =>
        report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == code);

    private static void ShouldMatch(JsonElement figures, Figures expected)
    {
        var actual = new Figures(
            figures.GetProperty("received").GetInt32(),
            figures.GetProperty("dispatched").GetInt32(),
            figures.GetProperty("closed").GetInt32(),
            figures.GetProperty("open").GetInt32(),
            figures.GetProperty("overdue").GetInt32(),
            figures.GetProperty("closedLate").GetInt32(),
            Rate(figures, "responseRate"),
            Rate(figures, "onTimeClosureRate"),
            Rate(figures, "resolutionRate"),
            Rate(figures, "satisfactionRate"),
            Rate(figures, "repeatRate"),
            Rate(figures, "reopenRate"),
            figures.GetProperty("collectivePetitions").GetInt32(),
            figures.GetProperty("escalations").GetInt32());
        actual.ShouldBe(expected, figures.ToString());

        foreach (var rate in new[] { "responseRate", "onTimeClosureRate", "resolutionRate", "satisfactionRate", "repeatRate", "reopenRate" })
        {
            var r = figures.GetProperty(rate);
            var (n, d) = (r.GetProperty("numerator").GetInt32(), r.GetProperty("denominator").GetInt32());
            if (d == 0)
            {
                r.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);
            }
            else
            {
                r.GetProperty("value").GetDouble().ShouldBe(Math.Round((double)n / d, 4), rate);
            }
        }
    }

    private static (int, int) Rate(JsonElement figures, string name)
    {
        var rate = figures.GetProperty(name);
        return (rate.GetProperty("numerator").GetInt32(), rate.GetProperty("denominator").GetInt32());
    }
}
