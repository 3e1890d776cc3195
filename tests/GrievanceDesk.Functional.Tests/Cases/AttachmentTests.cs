using System.Net;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// Attachments: listed and served with the same access as the case; added later by the desk and the handling unit
/// within the size and type limits; a report's attachments never reach its respondent unit (docs/product.md §3).
/// </summary>
public sealed class AttachmentTests : IClassFixture<CaseApp>
{
    private const string SectionCadre = CaseApp.SectionCadre;
    private const string SectionLeader = CaseApp.SectionLeader;

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 400).Select(i => (byte)i), 0xFF, 0xD9];

    private readonly CaseApp app;

    public AttachmentTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Fact]
    public async Task An_attachment_added_later_is_read_back_by_the_handling_cadre_and_is_404_for_the_respondent_unit_of_a_report()
    {
        await app.EnsureSectionUsers();
        var report = await app.Log(app.NewIntake() with
        {
            Kind = "report",
            RespondentUnitCode = "QH-WYGS",
            Complainants = [new Person("举报人乙", app.UniquePhone())],
            Subject = $"举报物业管理科 {app.Next()}",
        });
        report.UnitCode().ShouldBe("QH-ZJW");

        var added = await app.Do(As.FrontDesk, report.Id(), "attachments", new { fileName = "举报信扫描件.jpg", contentType = "image/jpeg", contentBase64 = Convert.ToBase64String(Photo) });
        var listed = added.GetProperty("attachments").EnumerateArray().ShouldHaveSingleItem();
        listed.Str("fileName").ShouldBe("举报信扫描件.jpg");
        listed.GetProperty("sizeBytes").GetInt64().ShouldBe(Photo.Length);
        added.GetProperty("timeline").EnumerateArray().Last().Str("summary").ShouldBe("补充附件：举报信扫描件.jpg");
        var path = $"/api/cases/{report.Id()}/attachments/{listed.GetProperty("id").GetInt64()}";

        // The handling cadre (QH-ZJW): the file itself, previewed inline.
        var read = await app.Send(As.Cadre, HttpMethod.Get, path);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        (await read.Content.ReadAsByteArrayAsync()).ShouldBe(Photo);

        // The respondent section: its cadre cannot see the case; its leader sees the case, never the file or the list.
        await (await app.Send(SectionCadre, HttpMethod.Get, path)).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        await (await app.Send(SectionLeader, HttpMethod.Get, path)).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        (await app.Get(SectionLeader, report.Id())).GetProperty("attachments").GetArrayLength().ShouldBe(0);

        // Another office reader sees it.
        (await app.Send(As.Leader, HttpMethod.Get, path)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_handling_cadre_adds_a_site_photo_and_a_document_is_downloaded_not_shown()
    {
        var id = await app.CaseIn("accepted");
        var pdf = "%PDF-1.4 现场检查记录"u8.ToArray();
        var added = await app.Do(As.Cadre, id, "attachments", new { fileName = "检查记录.docx", contentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", contentBase64 = Convert.ToBase64String(pdf) });
        var file = added.GetProperty("attachments").EnumerateArray().Last();

        var read = await app.Send(As.UnitLeader, HttpMethod.Get, $"/api/cases/{id}/attachments/{file.GetProperty("id").GetInt64()}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        read.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await read.Content.ReadAsByteArrayAsync()).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_or_too_large_is_a_400_with_the_field_and_nothing_is_stored()
    {
        var id = await app.CaseIn("accepted");
        var before = await app.Get(As.Cadre, id);

        var exe = await app.Post(As.Cadre, id, "attachments", new { fileName = "setup.exe", contentType = "application/x-msdownload", contentBase64 = Convert.ToBase64String([1, 2, 3]) });
        var problem = await exe.ShouldBeProblem(HttpStatusCode.BadRequest, "validation");
        problem.GetRawText().ShouldContain("不支持此类文件");

        var big = new byte[(5 * 1024 * 1024) + 1];
        var tooLarge = await app.Post(As.Cadre, id, "attachments", new { fileName = "大照片.jpg", contentType = "image/jpeg", contentBase64 = Convert.ToBase64String(big) });
        (await tooLarge.ShouldBeProblem(HttpStatusCode.BadRequest, "validation")).GetRawText().ShouldContain("5 MB");

        var after = await app.Get(As.Cadre, id);
        after.GetProperty("attachments").GetArrayLength().ShouldBe(before.GetProperty("attachments").GetArrayLength());
        after.Version().ShouldBe(before.Version());
    }

    [Fact]
    public async Task A_leader_may_read_but_not_add_and_another_units_cadre_gets_404()
    {
        var id = await app.CaseIn("accepted");
        var body = new { fileName = "a.jpg", contentType = "image/jpeg", contentBase64 = Convert.ToBase64String(Photo) };
        (await app.Post(As.Leader, id, "attachments", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var added = await app.Do(As.FrontDesk, id, "attachments", body);
        var path = $"/api/cases/{id}/attachments/{added.GetProperty("attachments").EnumerateArray().Last().GetProperty("id").GetInt64()}";
        await app.EnsureSectionUsers();
        await (await app.Send(SectionCadre, HttpMethod.Get, path)).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        await (await app.Send(As.Cadre, HttpMethod.Get, $"/api/cases/{id}/attachments/999999")).ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
    }
}
