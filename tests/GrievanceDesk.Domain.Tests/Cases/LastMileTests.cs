using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using Case = GrievanceDesk.Domain.Cases.Case;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>打通最后一公里: feedback after the resolution, or the unreachable path, or anonymity; each missing part refused on its own.</summary>
public sealed class LastMileTests
{
    // Resolved on Monday 2026-03-02 at 13:00 CST.
    private readonly CaseScenario _s = new();

    [Theory]
    [InlineData(CaseStatus.Registered)]
    [InlineData(CaseStatus.Dispatched)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Reopened)]
    public void Close_is_refused_without_a_resolution(CaseStatus status)
    {
        var @case = _s.InStatus(status);

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.ResolutionRequired);
    }

    [Fact]
    public void Close_is_refused_without_feedback_after_resolution()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.FeedbackRequired);
        @case.Status.ShouldBe(CaseStatus.Resolved);
        @case.ClosedAtUtc.ShouldBeNull();
    }

    [Fact]
    public void Close_is_refused_when_the_only_feedback_precedes_the_resolution()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        var resolvedAt = @case.ResolvedAtUtc!.Value;

        _s.Step();
        @case.RecordFeedback(ContactChannel.Phone, resolvedAt.AddHours(-2), reached: true, "已告知", null, _s.As(Cadre));

        // Kept, and honest on the timeline, but it does not satisfy the last mile.
        @case.Status.ShouldBe(CaseStatus.Resolved);
        @case.Feedback.ShouldHaveSingleItem();
        @case.Timeline.Last().Summary.ShouldContain("早于办结时间");
        Closing(@case).ShouldBeRefusedWith(RuleSlugs.FeedbackMustFollowResolution);
    }

    [Fact]
    public void Feedback_stamped_at_the_moment_of_resolution_counts()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);

        _s.Step();
        @case.RecordFeedback(ContactChannel.Visit, @case.ResolvedAtUtc!.Value, true, "当面告知", null, _s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.FeedbackGiven);
    }

    [Fact]
    public void Feedback_in_the_future_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);

        ((Action)(() => @case.RecordFeedback(ContactChannel.Phone, _s.Now.AddMinutes(1), true, "已告知", null, _s.As(Cadre))))
            .ShouldBeRefusedWith(RuleSlugs.FeedbackInFuture);
    }

    [Fact]
    public void Feedback_needs_content()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);

        ((Action)(() => @case.RecordFeedback(ContactChannel.Phone, _s.Now, true, " ", null, _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void Reached_feedback_after_resolution_closes_the_case()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        _s.Step();
        @case.RecordFeedback(ContactChannel.Phone, _s.Now, true, "已电话告知办理结果", "表示满意", _s.As(Cadre));
        var feedback = @case.Feedback.ShouldHaveSingleItem();
        feedback.ComplainantResponse.ShouldBe("表示满意");
        feedback.Round.ShouldBe(1);
        feedback.ByUserName.ShouldBe(Cadre.UserName);

        _s.Step();
        @case.Close(_s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.Closed);
        @case.CloseReason.ShouldBe(CloseReason.Feedback);
        @case.ClosedAtUtc.ShouldBe(_s.Now);
        @case.Timeline.Last().IsPublic.ShouldBeTrue();
    }

    [Fact]
    public void Two_unreached_attempts_are_not_enough()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-02 15:00"), Cst.At("2026-03-03 10:00"));
        Notice(@case, Cst.At("2026-03-03 11:00"));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.UnreachedAttemptsInsufficient);
    }

    [Fact]
    public void A_written_notice_is_not_an_attempt()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-02 15:00"), Cst.At("2026-03-03 10:00"));
        Notice(@case, Cst.At("2026-03-03 11:00"));
        Notice(@case, Cst.At("2026-03-03 12:00"));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.UnreachedAttemptsInsufficient);
    }

    [Fact]
    public void Three_unreached_attempts_on_one_day_are_not_enough()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-02 14:00"), Cst.At("2026-03-02 16:00"), Cst.At("2026-03-02 19:00"));
        Notice(@case, Cst.At("2026-03-03 09:00"));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.UnreachedAttemptsSameDay);
    }

    [Fact]
    public void Days_of_attempts_are_China_Standard_Time_days_not_UTC_days()
    {
        // 00:30 and 23:30 CST on 03-03 are different UTC dates (03-02 16:30Z, 03-03 15:30Z) but one CST day.
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-03 00:30"), Cst.At("2026-03-03 12:00"), Cst.At("2026-03-03 23:30"));
        Notice(@case, Cst.At("2026-03-04 09:00"));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.UnreachedAttemptsSameDay);
    }

    [Fact]
    public void Attempts_either_side_of_CST_midnight_fall_on_two_days()
    {
        // 23:30 CST 03-02 and 00:30 CST 03-03 are the same UTC date (15:30Z, 16:30Z) but two CST days.
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-02 22:00"), Cst.At("2026-03-02 23:30"), Cst.At("2026-03-03 00:30"));
        Notice(@case, Cst.At("2026-03-03 01:00"));

        _s.At("2026-03-03 09:00");
        @case.Close(_s.As(Desk));

        @case.CloseReason.ShouldBe(CloseReason.Unreachable);
    }

    [Fact]
    public void Three_unreached_attempts_on_two_days_need_a_written_notice()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-02 15:00"), Cst.At("2026-03-03 10:00"), Cst.At("2026-03-03 16:00"));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.WrittenNoticeRequired);
    }

    [Theory]
    [InlineData(ContactChannel.Sms)]
    [InlineData(ContactChannel.Letter)]
    public void Three_unreached_attempts_on_two_days_and_a_written_notice_close_as_unreachable(ContactChannel notice)
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        Unreached(@case, Cst.At("2026-03-02 15:00"), Cst.At("2026-03-03 10:00"), Cst.At("2026-03-03 16:00"));
        Notice(@case, Cst.At("2026-03-03 17:00"), notice);

        _s.At("2026-03-04 09:00");
        @case.Close(_s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.Closed);
        @case.CloseReason.ShouldBe(CloseReason.Unreachable);
        @case.Timeline.Last().Summary.ShouldContain("联系不上");
    }

    [Fact]
    public void Unreached_attempts_before_the_resolution_do_not_count()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        var resolvedAt = @case.ResolvedAtUtc!.Value;
        _s.At("2026-03-04 09:00");
        @case.RecordFeedback(ContactChannel.Phone, resolvedAt.AddHours(-1), false, "无人接听", null, _s.As(Cadre)); // after receipt, before the resolution
        Unreached(@case, Cst.At("2026-03-02 15:00"), Cst.At("2026-03-03 10:00"));
        Notice(@case, Cst.At("2026-03-03 17:00"));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.UnreachedAttemptsInsufficient);
    }

    [Fact]
    public void Anonymous_case_closes_without_feedback()
    {
        var @case = _s.InStatus(CaseStatus.Resolved, Intake(anonymous: true));

        @case.Close(_s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.Closed);
        @case.CloseReason.ShouldBe(CloseReason.Anonymous);
    }

    [Fact]
    public void Closing_twice_is_an_invalid_transition()
    {
        var @case = _s.InStatus(CaseStatus.Closed);

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.InvalidTransition);
    }

    [Fact]
    public void After_a_reopen_the_feedback_of_the_earlier_round_does_not_count()
    {
        var @case = _s.InStatus(CaseStatus.Reopened);
        @case.RecordProgress("重新核查", _s.Step().As(Cadre));
        @case.Resolve(Outcome.Resolved, "已彻底整改", _s.Step().As(Cadre));

        Closing(@case).ShouldBeRefusedWith(RuleSlugs.FeedbackRequired);

        @case.RecordFeedback(ContactChannel.Phone, _s.Step().Now, true, "已告知整改结果", null, _s.As(Cadre));
        @case.Feedback.Select(f => f.Round).ShouldBe([1, 2]);
        @case.Close(_s.As(Desk));
        @case.CloseReason.ShouldBe(CloseReason.Feedback);
    }

    [Fact]
    public void Further_feedback_may_be_recorded_once_given()
    {
        var @case = _s.InStatus(CaseStatus.FeedbackGiven);

        @case.RecordFeedback(ContactChannel.Sms, _s.Now, false, "补发书面告知短信", null, _s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.FeedbackGiven);
        @case.Feedback.Count.ShouldBe(2);
    }

    private Action Closing(Case @case) => () => @case.Close(_s.As(Desk));

    private void Unreached(Case @case, params DateTime[] attempts)
    {
        foreach (var at in attempts)
        {
            if (_s.Now < at)
            {
                _s.Now = at;
            }

            @case.RecordFeedback(ContactChannel.Phone, at, reached: false, "电话无人接听", null, _s.As(Cadre));
        }
    }

    private void Notice(Case @case, DateTime at, ContactChannel channel = ContactChannel.Sms)
    {
        if (_s.Now < at)
        {
            _s.Now = at;
        }

        @case.RecordFeedback(channel, at, reached: false, "已书面告知办理结果", null, _s.As(Cadre));
    }
}
