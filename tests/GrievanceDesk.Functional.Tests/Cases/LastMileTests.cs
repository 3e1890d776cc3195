using System.Net;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// 打通最后一公里: a close is refused for each missing part on its own, with the part's rule as the problem type, and
/// accepted on each lawful path. The clock is fixed: resolved on Monday 16 November 2026 at 10:00 CST, and the
/// feedback records are posted on Thursday the 19th with the times they happened.
/// </summary>
public sealed class LastMileTests : IClassFixture<CaseApp>
{
    private static readonly DateTimeOffset ResolvedAt = CaseApp.Cst(2026, 11, 16, 10);
    private static readonly DateTimeOffset Later = CaseApp.Cst(2026, 11, 19, 10);

    private readonly CaseApp app;

    public LastMileTests(CaseApp app)
    {
        this.app = app;
        app.Clock.Reset();
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("in_progress")]
    public async Task Close_is_refused_without_a_resolution(string state)
    {
        var id = await app.CaseIn(state);

        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "resolution-required");

        (await app.Get(As.FrontDesk, id)).Status().ShouldBe(state);
    }

    [Fact]
    public async Task Close_is_refused_with_no_feedback_at_all()
    {
        var id = await Resolved();

        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "feedback-required");
    }

    [Fact]
    public async Task Feedback_dated_before_the_resolution_does_not_count()
    {
        var id = await Resolved();
        var early = await app.Do(As.Cadre, id, "feedback", Told(ResolvedAt.AddHours(-1), reached: true));
        early.Status().ShouldBe("resolved");

        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "feedback-must-follow-resolution");

        (await app.Get(As.FrontDesk, id)).Status().ShouldBe("resolved");
    }

    [Fact]
    public async Task Two_unreached_attempts_are_not_enough_even_with_a_written_notice()
    {
        var id = await Resolved();
        await Attempt(id, ResolvedAt.AddHours(2));
        await Attempt(id, ResolvedAt.AddDays(1));
        await Notice(id, ResolvedAt.AddDays(1).AddHours(1));

        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "unreached-attempts-insufficient");
    }

    [Fact]
    public async Task Three_unreached_attempts_on_one_day_are_not_enough_even_with_a_written_notice()
    {
        var id = await Resolved();
        await Attempt(id, ResolvedAt.AddHours(1));
        await Attempt(id, ResolvedAt.AddHours(3), channel: "visit");
        await Attempt(id, ResolvedAt.AddHours(6));
        await Notice(id, ResolvedAt.AddHours(7));

        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "unreached-attempts-same-day");
    }

    [Fact]
    public async Task Three_unreached_attempts_on_two_days_need_a_written_notice()
    {
        var id = await Resolved();
        await Attempt(id, ResolvedAt.AddHours(1));
        await Attempt(id, ResolvedAt.AddDays(1), channel: "onsite");
        await Attempt(id, ResolvedAt.AddDays(1).AddHours(4));

        await (await app.Post(As.FrontDesk, id, "close")).ShouldBeProblem(HttpStatusCode.Conflict, "written-notice-required");
    }

    [Fact]
    public async Task A_reached_feedback_after_the_resolution_closes_the_case()
    {
        var id = await Resolved();
        var told = await app.Do(As.FrontDesk, id, "feedback", Told(ResolvedAt.AddDays(1), reached: true, response: "满意"));
        told.Status().ShouldBe("feedback_given");

        var closed = await app.Do(As.FrontDesk, id, "close");

        closed.Status().ShouldBe("closed");
        closed.Str("closeReason").ShouldBe("feedback");
        closed.At("closedAt").ShouldBe(Later);
    }

    [Fact]
    public async Task Three_unreached_attempts_on_two_days_and_an_SMS_notice_close_the_case_as_unreachable()
    {
        var id = await Resolved();
        await Attempt(id, ResolvedAt.AddHours(1));
        await Attempt(id, ResolvedAt.AddHours(5));
        await Attempt(id, ResolvedAt.AddDays(1).AddHours(-1));
        await Notice(id, ResolvedAt.AddDays(1));

        var closed = await app.Do(As.FrontDesk, id, "close");

        closed.Status().ShouldBe("closed");
        closed.Str("closeReason").ShouldBe("unreachable");
        closed.GetProperty("feedback").GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task A_letter_is_a_written_notice_too()
    {
        var id = await Resolved();
        await Attempt(id, ResolvedAt.AddHours(1));
        await Attempt(id, ResolvedAt.AddDays(1));
        await Attempt(id, ResolvedAt.AddDays(2));
        await Notice(id, ResolvedAt.AddDays(2).AddHours(1), channel: "letter");

        (await app.Do(As.FrontDesk, id, "close")).Str("closeReason").ShouldBe("unreachable");
    }

    [Fact]
    public async Task An_anonymous_case_closes_with_the_reason_anonymous()
    {
        var id = await Resolved(anonymous: true);

        var closed = await app.Do(As.Cadre, id, "close");

        closed.Status().ShouldBe("closed");
        closed.Str("closeReason").ShouldBe("anonymous");
        closed.GetProperty("feedback").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Feedback_cannot_be_dated_in_the_future()
    {
        var id = await Resolved();

        await (await app.Post(As.FrontDesk, id, "feedback", Told(Later.AddHours(2), reached: true))).ShouldNameField("at");
    }

    /// <summary>A case resolved at <see cref="ResolvedAt"/>, with the clock then moved on to <see cref="Later"/>.</summary>
    private async Task<long> Resolved(bool anonymous = false)
    {
        app.Clock.Now = ResolvedAt.AddDays(-1);
        var intake = app.NewIntake();
        var id = await app.LogId(anonymous ? intake with { Anonymous = true, Complainants = null } : intake);
        await app.Do(As.Cadre, id, "accept");
        await app.Do(As.Cadre, id, "progress", new { note = "现场查看" });
        app.Clock.Now = ResolvedAt;
        var resolved = await app.Do(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "已修复" });
        resolved.At("resolvedAt").ShouldBe(ResolvedAt);
        app.Clock.Now = Later;
        return id;
    }

    private static object Told(DateTimeOffset at, bool reached, string channel = "phone", string? response = null) =>
        new { channel, at, reached, content = reached ? "已告知办理结果" : "电话无人接听", complainantResponse = response };

    private async Task Attempt(long id, DateTimeOffset at, string channel = "phone") =>
        (await app.Do(As.Cadre, id, "feedback", Told(at, reached: false, channel))).Status().ShouldBe("resolved");

    private async Task Notice(long id, DateTimeOffset at, string channel = "sms") =>
        await app.Do(As.Cadre, id, "feedback", new { channel, at, reached = false, content = "已书面告知办理结果" });
}
