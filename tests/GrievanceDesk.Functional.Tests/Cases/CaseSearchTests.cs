using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// The one search (GET /api/cases?q=, the desk's search page): by a Chinese word of the content (2 characters are a
/// word), a phrase, a tracking number, a complainant's phone or name; exact numbers first; the total bounded.
/// The respondent unit not finding a report by its complainant: ConflictGuardTests.
/// </summary>
public sealed class CaseSearchTests : IClassFixture<CaseApp>
{
    private readonly CaseApp app;

    public CaseSearchTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Now = CaseApp.Cst(2026, 11, 23, 10);
    }

    [Fact]
    public async Task A_two_character_word_of_the_content_finds_the_case_and_a_phrase_finds_it_as_a_substring()
    {
        var withWord = await app.LogId(app.NewIntake() with { Content = "小区门口的窨井盖板缺失，夜里有人踩空摔伤，请尽快修复。" });
        var without = await app.LogId(app.NewIntake() with { Content = "小区门口的路灯坏了，夜里一片漆黑。" });

        var byWord = await Ids("窨井");
        byWord.ShouldContain(withWord);
        byWord.ShouldNotContain(without);
        (await Ids("窨井盖板")).ShouldBe([withWord], "four characters: their bigrams in a row");
        (await Ids("盖板窨井")).ShouldBeEmpty("the same characters in another order are another phrase");
        (await Ids("踩空 修复")).ShouldBe([withWord], "words apart: each required");
    }

    [Fact]
    public async Task The_subject_and_the_address_are_searched_too()
    {
        var id = await app.LogId(app.NewIntake() with { Subject = "嘉禾苑违规养犬扰民", Address = "翠竹街88号嘉禾苑" });

        (await Ids("养犬")).ShouldContain(id);
        (await Ids("翠竹街88号")).ShouldBe([id]);
    }

    [Fact]
    public async Task A_phone_a_name_and_a_tracking_number_find_their_case()
    {
        var phone = app.UniquePhone();
        var name = "查" + string.Concat(app.Next().ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => "零一二三四五六七八九"[d - '0']));
        var created = await app.Log(app.NewIntake() with { Complainants = [new Person(name, phone)] });

        (await Ids(phone)).ShouldBe([created.Id()]);
        (await Ids(name)).ShouldBe([created.Id()]);
        (await Ids(created.Str("trackingNo")!)).ShouldBe([created.Id()]);
    }

    [Fact]
    public async Task An_exact_number_match_comes_before_text_matches()
    {
        var phone = app.UniquePhone();
        var byPhone = await app.LogId(app.NewIntake() with { Complainants = [new Person("王五", phone)] });
        // A later case that mentions the number in its content: a text match, ranked after the caller's own case.
        var mentions = await app.LogId(app.NewIntake() with { Content = $"邻居来电 {phone} 反映同一问题，物业一直不修。" });

        (await Ids(phone)).ShouldBe([byPhone, mentions]);
    }

    [Fact]
    public async Task The_list_says_its_total_and_whether_it_stopped_counting()
    {
        var mark = $"计数{app.Next()}";
        await app.LogId(app.NewIntake() with { Subject = $"{mark} 甲" });
        await app.LogId(app.NewIntake() with { Subject = $"{mark} 乙" });

        var page = await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(mark)}&pageSize=1");

        page.GetProperty("total").GetInt32().ShouldBe(2);
        page.GetProperty("totalIsLowerBound").GetBoolean().ShouldBeFalse();
        page.Str("totalText").ShouldBe("2");
        await (await app.Send(As.FrontDesk, HttpMethod.Get, "/api/cases?page=101&pageSize=100")).ShouldNameField("page");
    }

    [Fact]
    public async Task A_case_logged_before_the_search_column_existed_is_found_by_its_words_after_the_backfill()
    {
        var id = await app.LogId(app.NewIntake() with { Content = "楼道里的消防栓箱被人拆走，一直没有补装。" });
        (await Ids("消防栓")).ShouldContain(id);

        // As a database migrated from before issue 15 holds it: no terms, and no marker that the backfill has run.
        await app.Query(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE \"Cases\" SET \"SearchTerms\" = '' WHERE \"Id\" = {id}");
            return await db.Database.ExecuteSqlAsync($"DELETE FROM \"AppliedSeeds\" WHERE \"Key\" = {SearchTermsBackfill.MarkerKey}");
        });
        (await Ids("消防栓")).ShouldNotContain(id);

        var filled = await app.Query(db => SearchTermsBackfill.RunAsync(db, DateTime.UtcNow, CancellationToken.None));

        filled.ShouldBeGreaterThanOrEqualTo(1);
        (await Ids("消防栓")).ShouldContain(id);
        (await app.Query(db => SearchTermsBackfill.RunAsync(db, DateTime.UtcNow, CancellationToken.None))).ShouldBe(0, "done once, marked");
    }

    private async Task<List<long>> Ids(string q) =>
        (await app.GetJson(As.FrontDesk, $"/api/cases?q={Uri.EscapeDataString(q)}&pageSize=100"))
            .GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
}
