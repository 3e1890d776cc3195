using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>The unit's work: contacts, progress, extensions (延期), pauses (中止) and the resolution.</summary>
public sealed class HandlingTests
{
    // Accepted on Monday 2026-03-02 at 11:00 CST; 10 working days → 2026-03-16 23:59:59 CST.
    private readonly CaseScenario _s = new();

    [Fact]
    public void Handle_deadline_of_the_scenario_is_ten_working_days_after_acceptance()
    {
        _s.InStatus(CaseStatus.Accepted).HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-16"));
    }

    [Fact]
    public void First_reached_contact_moves_the_case_in_progress_and_stamps_the_first_contact()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        var calledAt = _s.Now.AddMinutes(-30);

        @case.RecordContact(calledAt, ContactChannel.Phone, reached: true, "已与诉求人约定现场查看时间", _s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.InProgress);
        @case.FirstContactAtUtc.ShouldBe(calledAt);
        var contact = @case.Contacts.ShouldHaveSingleItem();
        contact.AtUtc.ShouldBe(calledAt);
        contact.Reached.ShouldBeTrue();
        contact.ByUserName.ShouldBe(Cadre.UserName);
        @case.Timeline.Last().Before.ShouldBe("status=Accepted");
        @case.Timeline.Last().After.ShouldBe("status=InProgress");
    }

    [Fact]
    public void An_unanswered_call_is_recorded_but_is_not_first_contact()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);

        @case.RecordContact(_s.Now, ContactChannel.Phone, reached: false, "电话无人接听", _s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.InProgress);
        @case.FirstContactAtUtc.ShouldBeNull();
        @case.Contacts.ShouldHaveSingleItem().Reached.ShouldBeFalse();
    }

    [Fact]
    public void A_later_contact_does_not_move_the_first_contact()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        var first = _s.Now;
        @case.RecordContact(first, ContactChannel.Phone, true, "已联系", _s.As(Cadre));

        _s.Step();
        @case.RecordContact(_s.Now, ContactChannel.Onsite, true, "现场查看", _s.As(Cadre));

        @case.FirstContactAtUtc.ShouldBe(first);
        @case.Timeline.Last().Before.ShouldBeNull();
    }

    [Fact]
    public void A_contact_in_the_future_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);

        ((Action)(() => @case.RecordContact(_s.Now.AddMinutes(5), ContactChannel.Phone, true, "已联系", _s.As(Cadre))))
            .ShouldBeRefusedWith(RuleSlugs.ContactInFuture);
    }

    [Fact]
    public void A_contact_needs_a_note()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);

        ((Action)(() => @case.RecordContact(_s.Now, ContactChannel.Phone, true, "", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void Progress_note_is_on_the_timeline()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        @case.RecordProgress("已协调城管执法队", _s.As(Cadre));

        var entry = @case.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.ProgressRecorded);
        entry.Summary.ShouldBe("办理进展：已协调城管执法队");
        entry.IsPublic.ShouldBeFalse();
    }

    [Fact]
    public void Approved_extension_moves_the_handle_deadline_and_tells_the_complainant_why()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var request = @case.RequestExtension(5, "需等待环保部门检测", _s.As(Cadre));
        @case.ClearPendingNotifications();

        _s.Step();
        @case.ApproveExtension(request, _s.As(UnitLeader));

        // 5 calendar days from 03-16 end on Saturday 03-21, so the deadline rolls to Monday 03-23.
        @case.HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-23"));
        request.Status.ShouldBe(ExtensionStatus.Approved);
        request.DecidedBy.ShouldBe(UnitLeader.UserName);
        request.DecidedAtUtc.ShouldBe(_s.Now);
        @case.Timeline.Last().Before.ShouldBe("handleDeadline=2026-03-16T15:59:59Z");
        @case.Timeline.Last().After.ShouldBe("handleDeadline=2026-03-23T15:59:59Z");
        var complainant = @case.PendingNotifications.Where(n => n.Audience == NotificationAudience.Complainant).ShouldHaveSingleItem();
        complainant.Text.ShouldContain("需等待环保部门检测");
        complainant.Text.ShouldContain("2026-03-23");
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.Cadre && n.UserName == Cadre.UserName);
    }

    [Fact]
    public void Extension_request_records_the_round_and_asks_the_unit_leaders()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ClearPendingNotifications();

        var request = @case.RequestExtension(10, "情况复杂", _s.As(Cadre));

        request.Round.ShouldBe(1);
        request.Status.ShouldBe(ExtensionStatus.Pending);
        request.RequestedBy.ShouldBe(Cadre.UserName);
        @case.Extensions.ShouldHaveSingleItem().ShouldBeSameAs(request);
        @case.PendingNotifications.ShouldHaveSingleItem().Audience.ShouldBe(NotificationAudience.UnitLeaders);
        @case.Timeline.Last().Summary.ShouldBe("申请延期10日：情况复杂");
    }

    [Fact]
    public void Extension_can_be_approved_by_id_once_saved()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        Saved(@case.RequestExtension(5, "需等待检测", _s.As(Cadre)), 77);

        @case.ApproveExtension(77, _s.As(UnitLeader));

        @case.Extensions.Single().Status.ShouldBe(ExtensionStatus.Approved);
    }

    [Fact]
    public void Unknown_extension_id_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.RequestExtension(5, "需等待检测", _s.As(Cadre));

        ((Action)(() => @case.ApproveExtension(0, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.ExtensionNotFound);
        ((Action)(() => @case.RejectExtension(12345, null, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.ExtensionNotFound);
    }

    [Fact]
    public void Extension_of_another_case_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var other = _s.InStatus(CaseStatus.InProgress);
        var foreign = other.RequestExtension(5, "需等待检测", _s.As(Cadre));

        ((Action)(() => @case.ApproveExtension(foreign, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.ExtensionNotFound);
    }

    [Fact]
    public void Rejected_extension_keeps_the_deadline()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var request = @case.RequestExtension(5, "需等待检测", _s.As(Cadre));

        @case.RejectExtension(request, "理由不充分", _s.As(UnitLeader));

        @case.HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-16"));
        request.Status.ShouldBe(ExtensionStatus.Rejected);
        request.DecisionNote.ShouldBe("理由不充分");
        @case.Timeline.Last().Action.ShouldBe(TimelineActions.ExtensionRejected);
    }

    [Fact]
    public void An_extension_is_decided_once()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var request = @case.RequestExtension(5, "需等待检测", _s.As(Cadre));
        @case.ApproveExtension(request, _s.As(UnitLeader));

        ((Action)(() => @case.ApproveExtension(request, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.ExtensionAlreadyDecided);
        ((Action)(() => @case.RejectExtension(request, null, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.ExtensionAlreadyDecided);
        @case.HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-23"));
    }

    [Theory]
    [InlineData(ExtensionStatus.Pending)]
    [InlineData(ExtensionStatus.Approved)]
    [InlineData(ExtensionStatus.Rejected)]
    public void Extension_is_requested_once_per_stage(ExtensionStatus first)
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var request = @case.RequestExtension(5, "需等待检测", _s.As(Cadre));
        if (first == ExtensionStatus.Approved)
        {
            @case.ApproveExtension(request, _s.As(UnitLeader));
        }
        else if (first == ExtensionStatus.Rejected)
        {
            @case.RejectExtension(request, null, _s.As(UnitLeader));
        }

        ((Action)(() => @case.RequestExtension(3, "再延几天", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.ExtensionOncePerStage);
        @case.Extensions.Count.ShouldBe(1);
    }

    [Fact]
    public void Extension_over_the_policy_cap_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        ((Action)(() => @case.RequestExtension(Terms.MaxExtensionDays + 1, "情况复杂", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.ExtensionOverCap);
        @case.RequestExtension(Terms.MaxExtensionDays, "情况复杂", _s.As(Cadre)).Days.ShouldBe(30);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Extension_of_no_days_is_refused(int days)
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        ((Action)(() => @case.RequestExtension(days, "情况复杂", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.ExtensionDaysInvalid);
    }

    [Fact]
    public void Extension_needs_a_reason()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        ((Action)(() => @case.RequestExtension(5, " ", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void A_reopen_is_a_new_stage_where_an_extension_may_be_requested_again()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.RequestExtension(5, "需等待检测", _s.As(Cadre));
        ReopenAfterResolving(@case);

        var again = @case.RequestExtension(5, "重办仍需检测", _s.As(Cadre));

        again.Round.ShouldBe(2);
    }

    [Fact]
    public void A_pending_extension_of_an_earlier_round_cannot_be_decided()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var stale = @case.RequestExtension(5, "需等待检测", _s.As(Cadre));
        ReopenAfterResolving(@case);

        ((Action)(() => @case.ApproveExtension(stale, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.ExtensionNotCurrent);
    }

    [Fact]
    public void Pause_and_resume_move_the_handle_deadline_by_the_working_days_paused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var pause = @case.RequestPause("等待诉求人补充材料", _s.As(Cadre));
        _s.At("2026-03-03 12:00");
        @case.ApprovePause(pause, _s.As(UnitLeader));
        @case.IsPaused.ShouldBeTrue();
        pause.Status.ShouldBe(PauseStatus.Active);
        pause.StartedAtUtc.ShouldBe(_s.Now);

        // Paused Tuesday 03-03, resumed Friday 03-06: 3 working days (03-04, 03-05, 03-06) do not count.
        _s.At("2026-03-06 15:00");
        @case.Resume(_s.As(Cadre));

        @case.IsPaused.ShouldBeFalse();
        @case.HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-19"));
        pause.Status.ShouldBe(PauseStatus.Ended);
        pause.EndedAtUtc.ShouldBe(_s.Now);
        var entry = @case.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.Resumed);
        entry.Before.ShouldBe("handleDeadline=2026-03-16T15:59:59Z; paused=true");
        entry.After.ShouldBe("handleDeadline=2026-03-19T15:59:59Z; paused=false");
    }

    [Fact]
    public void Resolve_is_refused_while_paused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ApprovePause(@case.RequestPause("等待鉴定", _s.As(Cadre)), _s.As(UnitLeader));

        ((Action)(() => @case.Resolve(Outcome.Resolved, "已处理", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.CasePaused);
    }

    [Fact]
    public void Only_one_pause_may_be_requested_or_active_at_a_time()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var pause = @case.RequestPause("等待鉴定", _s.As(Cadre));

        ((Action)(() => @case.RequestPause("另一理由", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.PauseAlreadyOpen);
        @case.ApprovePause(pause, _s.As(UnitLeader));
        ((Action)(() => @case.RequestPause("另一理由", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.PauseAlreadyOpen);
        @case.Resume(_s.As(Cadre));
        @case.RequestPause("再次等待鉴定", _s.As(Cadre)).Status.ShouldBe(PauseStatus.Requested);
    }

    [Fact]
    public void Rejected_pause_leaves_the_clock_running_and_frees_the_way_for_another_request()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var pause = @case.RequestPause("等待鉴定", _s.As(Cadre));

        @case.RejectPause(pause, "无需中止", _s.As(UnitLeader));

        @case.IsPaused.ShouldBeFalse();
        pause.Status.ShouldBe(PauseStatus.Rejected);
        pause.DecidedBy.ShouldBe(UnitLeader.UserName);
        ((Action)(() => @case.ApprovePause(pause, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.PauseAlreadyDecided);
        @case.RequestPause("另一理由", _s.As(Cadre)).ShouldNotBeSameAs(pause);
    }

    [Fact]
    public void Pause_can_be_approved_by_id_once_saved()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        Saved(@case.RequestPause("等待鉴定", _s.As(Cadre)), 5);

        @case.ApprovePause(5, _s.As(UnitLeader));

        @case.IsPaused.ShouldBeTrue();
        ((Action)(() => @case.RejectPause(6, null, _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.PauseNotFound);
    }

    [Fact]
    public void Resume_is_refused_when_not_paused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.RequestPause("等待鉴定", _s.As(Cadre));

        ((Action)(() => @case.Resume(_s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.PauseNotActive);
    }

    [Fact]
    public void Resolve_records_the_outcome_and_starts_the_feedback_clock()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        @case.Resolve(Outcome.Partially, "已协调部分解决", _s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.Resolved);
        @case.Outcome.ShouldBe(Outcome.Partially);
        @case.ResolutionSummary.ShouldBe("已协调部分解决");
        @case.ResolvedAtUtc.ShouldBe(_s.Now);
        @case.ResolvedBy.ShouldBe(Cadre.UserName);
        // 5 working days after Monday 03-02.
        @case.FeedbackDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-09"));
        var entry = @case.Timeline.Last();
        entry.IsPublic.ShouldBeTrue();
        entry.Summary.ShouldBe("办结（部分解决）：已协调部分解决");
    }

    [Fact]
    public void Resolve_needs_a_summary()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        ((Action)(() => @case.Resolve(Outcome.Resolved, "", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
        @case.Status.ShouldBe(CaseStatus.InProgress);
    }

    private void ReopenAfterResolving(GrievanceDesk.Domain.Cases.Case @case)
    {
        @case.Resolve(Outcome.Resolved, "已处理", _s.Step().As(Cadre));
        @case.RecordFeedback(ContactChannel.Phone, _s.Step().Now, true, "已告知", null, _s.As(Cadre));
        @case.Close(_s.As(Desk));
        @case.RecordReturnVisit(Satisfaction.Dissatisfied, false, null, _s.Step().As(Desk));
        @case.RecordProgress("重新核查", _s.As(Cadre));
    }
}
