using System.Net;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// 回避 beyond dispatch (issue 12): a report (检举控告) about unit U is not merged into, marked a repeat of, or logged as a
/// repeat of a case that U or a unit below U handles; each is a 409 conflict-of-interest and writes nothing.
/// </summary>
public sealed class ConflictOnDuplicatesTests(CaseApp app) : IClassFixture<CaseApp>
{
    /// <summary>A case in the queue (category GBZF-ZF has no routing rule), dispatched by hand to <paramref name="unitCode"/>.</summary>
    private async Task<long> HeldBy(string unitCode)
    {
        var id = await app.LogId(app.NewIntake() with { CategoryCode = "GBZF-ZF", Subject = $"噪音扰民{app.Next()}" });
        (await app.Do(As.Dispatcher, id, "dispatch", new { unitCode })).UnitCode().ShouldBe(unitCode);
        return id;
    }

    private Task<long> ReportAboutZjw() =>
        app.LogId(app.NewIntake() with { CategoryCode = "GBZF-ZF", Kind = "report", RespondentUnitCode = "QH-ZJW", Subject = $"检举住建委工作人员{app.Next()}" });

    [Theory]
    [InlineData("QH-ZJW")] // the respondent itself
    [InlineData("QH-WYGS")] // a unit below it
    public async Task Merging_a_report_into_a_case_its_respondent_handles_is_refused(string holder)
    {
        var held = await HeldBy(holder);
        var report = await ReportAboutZjw();

        await (await app.Post(As.Dispatcher, report, "merge", new { intoCaseId = held })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict-of-interest");

        (await app.Get(As.Dispatcher, report)).Status().ShouldBe("registered");
    }

    [Theory]
    [InlineData("QH-ZJW")]
    [InlineData("QH-WYGS")]
    public async Task Marking_a_report_a_repeat_of_a_case_its_respondent_handles_is_refused(string holder)
    {
        var held = await HeldBy(holder);
        var report = await ReportAboutZjw();

        await (await app.Post(As.Dispatcher, report, "repeat-of", new { caseId = held })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict-of-interest");

        var after = await app.Get(As.Dispatcher, report);
        after.Status().ShouldBe("registered");
        after.GetProperty("isRepeat").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("QH-ZJW")]
    [InlineData("QH-WYGS")]
    public async Task Logging_a_report_as_a_repeat_of_a_case_its_respondent_handles_is_refused_and_nothing_is_written(string holder)
    {
        var held = await HeldBy(holder);
        var subject = $"检举住建委（重复）{app.Next()}";
        var intake = app.NewIntake() with { CategoryCode = "GBZF-ZF", Kind = "report", RespondentUnitCode = "QH-ZJW", RepeatOfCaseId = held, Subject = subject };

        await (await app.Send(As.FrontDesk, HttpMethod.Post, "/api/cases", intake)).ShouldBeProblem(HttpStatusCode.Conflict, "conflict-of-interest");

        (await app.Query(db => db.Cases.CountAsync(c => c.Subject == subject))).ShouldBe(0);
    }

    [Fact]
    public async Task A_report_may_join_a_case_the_respondents_parent_handles()
    {
        var held = await HeldBy("QH");
        var report = await ReportAboutZjw();

        (await app.Do(As.Dispatcher, report, "merge", new { intoCaseId = held })).Status().ShouldBe("merged");
    }
}
