using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace GrievanceDesk.Functional.Tests.Briefings;

/// <summary>Issue 12: the weekly briefing's free text passes the masking policy (docs/data-protection.md).</summary>
public sealed partial class BriefingMaskingTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task A_collective_petition_titled_with_a_name_and_a_spaced_phone_number_reaches_the_briefing_masked()
    {
        app.Clock.Reset();
        // Last ISO week, which is over: the petition was received on its Tuesday.
        var today = DateOnly.FromDateTime(app.Now.ToOffset(CaseApp.CstOffset).DateTime);
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        var tuesday = lastMonday.AddDays(1);
        var intake = app.NewIntake() with
        {
            Channel = "visit",
            ReceivedAt = CaseApp.Cst(tuesday.Year, tuesday.Month, tuesday.Day, 9),
            Complainants = [new Person("张伟", "13912345678"), new Person("李强", "13700001111")],
            HeadCount = 5,
            Subject = "张伟等5人反映欠薪（电话139 1234 5678）",
            Content = "张伟等5人反映宏达公司拖欠工资，联系电话139-1234-5678，或+86 139 1234 5678。",
        };
        (await app.Log(intake)).GetProperty("isCollective").GetBoolean().ShouldBeTrue();

        var year = ISOWeek.GetYear(tuesday.ToDateTime(TimeOnly.MinValue));
        var week = ISOWeek.GetWeekOfYear(tuesday.ToDateTime(TimeOnly.MinValue));
        var response = await (await app.Client(As.Leader)).GetAsync($"/api/briefings/weekly/{year}/{week}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));

        text.ShouldContain("张*等5人反映欠薪");
        text.ShouldNotContain("张伟");
        var squeezed = Separators().Replace(text, string.Empty);
        squeezed.ShouldNotContain("13912345678");
        squeezed.ShouldNotContain("1391234");
        squeezed.ShouldNotContain("12345678");
        text.ShouldContain("139****5678");
    }

    [GeneratedRegex(@"[\s\-\u3000－—.]")]
    private static partial Regex Separators();
}
