using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>The seeded holiday calendar, read back through the API, against docs/product.md §2 written out here independently.</summary>
public sealed class CalendarSeedTests(GrievanceDeskFactory app) : IClassFixture<GrievanceDeskFactory>
{
    // docs/product.md §2, 2026: Jan 1–3 off, Jan 4 work; Feb 15–23 off, Feb 14 and 28 work; Apr 4–6 off; May 1–5 off, May 9 work;
    // Jun 19–21 off; Sep 25–27 off; Oct 1–7 off, Sep 20 and Oct 10 work.
    private static readonly (string From, string To)[] Off2026 =
    [
        ("2026-01-01", "2026-01-03"), ("2026-02-15", "2026-02-23"), ("2026-04-04", "2026-04-06"), ("2026-05-01", "2026-05-05"),
        ("2026-06-19", "2026-06-21"), ("2026-09-25", "2026-09-27"), ("2026-10-01", "2026-10-07"),
    ];

    private static readonly string[] Work2026 = ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"];

    [Fact]
    public async Task Every_day_of_2026_is_a_working_day_exactly_as_section_2_says()
    {
        var admin = await app.SignedIn(As.Admin);
        var rows = await (await admin.GetAsync("/api/admin/holidays?year=2026")).ShouldBeOk<List<JsonElement>>();
        var seeded = rows.ToDictionary(r => DateOnly.Parse(r.GetProperty("date").GetString()!), r => r.GetProperty("kind").GetString());

        var off = Off2026.SelectMany(r => Days(DateOnly.Parse(r.From), DateOnly.Parse(r.To))).ToHashSet();
        var work = Work2026.Select(DateOnly.Parse).ToHashSet();
        var mismatches = new List<string>();
        foreach (var day in Days(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)))
        {
            var expectedWorking = work.Contains(day) || (!off.Contains(day) && day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday);
            var actualWorking = seeded.TryGetValue(day, out var kind)
                ? kind == "make_up_workday"
                : day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;
            if (expectedWorking != actualWorking)
            {
                mismatches.Add($"{day:yyyy-MM-dd} ({day.DayOfWeek}): expected {(expectedWorking ? "working" : "off")}");
            }
        }

        mismatches.ShouldBeEmpty();
        seeded.Where(kv => kv.Value == "make_up_workday").Select(kv => kv.Key).Order().ShouldBe(work.Order());
        seeded.Where(kv => kv.Value == "holiday").Select(kv => kv.Key).ToHashSet().SetEquals(off).ShouldBeTrue();
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
