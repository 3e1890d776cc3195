using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// docs/product.md §7: phone and ID numbers are masked (138****5678, 110***********002X) wherever a case is shown — lists, the
/// case page, similar cases, statistics, the weekly briefing — for every role; the public tracking page shows nothing personal.
/// </summary>
public sealed partial class MaskingTests : IClassFixture<CaseApp>
{
    private const string IdNumber = "11010519491231002X";
    private const string MaskedId = "110***********002X";

    private static readonly string[] Readers = [As.FrontDesk, As.Dispatcher, As.Leader, As.Cadre, As.UnitLeader];

    private readonly CaseApp app;

    public MaskingTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task Lists_case_pages_and_similar_cases_show_every_role_only_masked_numbers()
    {
        var phone = app.UniquePhone();
        var masked = $"{phone[..3]}****{phone[^4..]}";
        var first = await app.Log(app.NewIntake() with { Complainants = [new Person("张三丰", phone, IdNumber, "湖滨路88号")] });
        var second = await app.Log(app.NewIntake() with { Complainants = [new Person("张三丰", phone, IdNumber)] });

        foreach (var user in Readers)
        {
            var list = await Raw(user, $"/api/cases?q={phone}");
            list.ShouldContain(masked, Case.Sensitive, $"{user}'s list");
            var page = await Raw(user, $"/api/cases/{first.Id()}");
            page.ShouldContain(masked);
            page.ShouldContain(MaskedId);
            var similar = await Raw(user, $"/api/cases/{second.Id()}/similar");
            similar.ShouldContain(first.Str("trackingNo")!, Case.Sensitive, $"{user} finds the earlier case");
            foreach (var text in new[] { list, page, similar })
            {
                text.ShouldNotContain(phone, Case.Sensitive, $"{user} sees a full phone number");
                text.ShouldNotContain(IdNumber[..17], Case.Sensitive, $"{user} sees a full ID number");
            }
        }

        var lookup = await Raw(As.FrontDesk, $"/api/cases/lookup?phone={phone}&idNumber={IdNumber}");
        lookup.ShouldContain(first.Str("trackingNo")!);
        lookup.ShouldNotContain(phone);
        lookup.ShouldNotContain(IdNumber[..17]);
    }

    [Fact]
    public async Task The_public_tracking_page_shows_nothing_personal_not_even_masked()
    {
        var phone = app.UniquePhone();
        var created = await app.Log(app.NewIntake() with { Complainants = [new Person("张三丰", phone, IdNumber, "湖滨路88号3单元")] });
        await app.Do(As.Cadre, created.Id(), "reveal", new { reason = "联系诉求人" });

        var text = await app.CreateClient().GetStringAsync($"/api/track/{created.Str("trackingNo")}?code={created.Str("queryCode")}");

        foreach (var personal in new[] { "张三丰", "张**", phone, $"{phone[..3]}****", IdNumber[..6], "002X", "湖滨路88号3单元", "联系诉求人" })
        {
            text.ShouldNotContain(personal, Case.Sensitive, $"the public page shows {personal}");
        }
    }

    [Fact]
    public async Task Statistics_and_hot_issues_show_no_full_phone_or_ID_number()
    {
        var api = await ApiSurface.Load(app);
        if (!api.Operations.Any(o => o.Key == "GET /api/stats"))
        {
            return; // the statistics are not part of this build; the access matrix lists what is
        }

        // People type numbers into free text too: three cases on one address make it a hot issue whose label shows the subject.
        for (var i = 0; i < 3; i++)
        {
            await app.Log(app.NewIntake() with
            {
                Address = "湖滨路99号",
                Subject = $"来电13812345678反映电梯故障，身份证{IdNumber}",
                Complainants = [new Person("欧阳娜娜", "13812345678", IdNumber)],
            });
        }

        var today = DateOnly.FromDateTime(app.Now.ToOffset(CaseApp.CstOffset).DateTime);
        var from = today.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var texts = new List<string>();
        foreach (var user in new[] { As.Leader, As.FrontDesk, As.UnitLeader })
        {
            foreach (var groupBy in new[] { "unit", "category", "region", "channel" })
            {
                texts.Add(await Raw(user, $"/api/stats?from={from}&to={to}&groupBy={groupBy}"));
            }

            texts.Add(await Raw(user, $"/api/stats/hot-issues?from={from}&to={to}"));
        }

        var hot = texts[4];
        hot.ShouldContain("湖滨路99号", Case.Sensitive, "the three cases make a hot issue");
        foreach (var text in texts)
        {
            MobileNumber().IsMatch(text).ShouldBeFalse(MobileNumber().Match(text).Value);
            text.ShouldNotContain(IdNumber[..17]);
        }
    }

    [Fact]
    public async Task The_weekly_briefing_names_people_only_masked_and_shows_no_phone_or_ID_number()
    {
        // Last week: a case handled, closed, and visited by a dissatisfied complainant who gave their number again.
        var lastWeek = app.Now.ToOffset(CaseApp.CstOffset).AddDays(-7);
        app.Clock.Now = new DateTimeOffset(lastWeek.Date.AddHours(10), CaseApp.CstOffset);
        var phone = app.UniquePhone();
        var id = await app.LogId(app.NewIntake() with
        {
            Complainants = [new Person("张三丰", phone, IdNumber)],
            Subject = $"电梯故障，联系电话{phone}",
            HeadCount = 6,
        });
        await app.Do(As.Cadre, id, "accept");
        await app.Do(As.Cadre, id, "progress", new { note = "已到现场" });
        await app.Do(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "电梯已修复" });
        await app.Do(As.Cadre, id, "feedback", new { channel = "phone", at = app.Now, reached = true, content = "已电话告知" });
        await app.Do(As.Cadre, id, "close");
        await app.Do(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false, note = $"电梯又坏了，请回电{phone}，身份证{IdNumber}" });
        app.Clock.Reset();
        var day = lastWeek.DateTime;

        var response = await app.Send(As.Leader, HttpMethod.Get, $"/api/briefings/weekly/{ISOWeek.GetYear(day)}/{ISOWeek.GetWeekOfYear(day)}");

        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf", await response.Content.ReadAsStringAsync());
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        text.ShouldContain("张**", Case.Sensitive, "the dissatisfied visit names the complainant, masked");
        text.ShouldNotContain("张三丰");
        text.ShouldContain($"{phone[..3]}****{phone[^4..]}", Case.Sensitive, "the number typed into the note is masked");
        MobileNumber().IsMatch(text).ShouldBeFalse(MobileNumber().Match(text).Value);
        text.ShouldNotContain(IdNumber[..17]);
    }

    private async Task<string> Raw(string user, string path)
    {
        var response = await app.Send(user, HttpMethod.Get, path);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, $"{user} GET {path}: {text}");
        JsonDocument.Parse(text); // it is JSON, and it was read whole
        return text;
    }

    /// <summary>An 11-digit mainland mobile number not embedded in a longer run of digits.</summary>
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
