using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Common;
using Case = GrievanceDesk.Domain.Cases.Case;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>回访 and 重办: the front desk asks after closing; dissatisfied reopens; twice reopened goes to supervision.</summary>
public sealed class ReturnVisitTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void Satisfied_return_visit_is_recorded_and_the_case_stays_closed()
    {
        var @case = _s.InStatus(CaseStatus.Closed);

        @case.RecordReturnVisit(Satisfaction.Satisfied, solved: true, "满意", _s.Step().As(Desk));

        @case.Status.ShouldBe(CaseStatus.Closed);
        var visit = @case.ReturnVisits.ShouldHaveSingleItem();
        visit.Satisfaction.ShouldBe(Satisfaction.Satisfied);
        visit.Solved.ShouldBeTrue();
        visit.Round.ShouldBe(1);
        visit.ByUserName.ShouldBe(Desk.UserName);
        @case.Timeline.Last().Action.ShouldBe(TimelineActions.ReturnVisitRecorded);
    }

    [Fact]
    public void Dissatisfied_return_visit_reopens_the_case_to_the_same_unit_and_cadre_with_a_new_handle_deadline()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.Assign("cadre1", _s.As(UnitLeader));
        CloseWithFeedback(@case);
        @case.ClearPendingNotifications();

        _s.At("2026-03-10 10:00");
        @case.RecordReturnVisit(Satisfaction.Dissatisfied, solved: false, "油烟问题依旧", _s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.Reopened);
        @case.ReopenCount.ShouldBe(1);
        @case.HandleRound.ShouldBe(2);
        @case.UnitId.ShouldBe(Department);
        @case.CadreUserName.ShouldBe("cadre1");
        // 10 working days after Tuesday 03-10.
        @case.HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-03-24"));
        @case.Outcome.ShouldBeNull();
        @case.ResolutionSummary.ShouldBeNull();
        @case.ResolvedAtUtc.ShouldBeNull();
        @case.ResolvedBy.ShouldBeNull();
        @case.ClosedAtUtc.ShouldBeNull();
        @case.CloseReason.ShouldBeNull();
        @case.FeedbackDeadlineUtc.ShouldBeNull();
        @case.SupervisionOrders.ShouldBeEmpty();
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.UnitLeaders && n.UnitId == Department);
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.Cadre && n.UserName == "cadre1");
        var reopened = @case.Timeline.Last();
        reopened.Action.ShouldBe(TimelineActions.Reopened);
        reopened.Before.ShouldBe("status=Closed; handleDeadline=2026-03-16T15:59:59Z; feedbackDeadline=2026-03-09T15:59:59Z; round=1");
        reopened.After.ShouldBe("status=Reopened; handleDeadline=2026-03-24T15:59:59Z; feedbackDeadline=; round=2");
        // The first resolution stays in the history.
        @case.Timeline.ShouldContain(e => e.Action == TimelineActions.Resolved);
    }

    [Fact]
    public void Second_reopen_goes_to_supervision_and_tells_the_leaders()
    {
        var @case = _s.InStatus(CaseStatus.Reopened);
        @case.RecordProgress("重新核查", _s.Step().As(Cadre));
        CloseWithFeedback(@case);
        @case.ClearPendingNotifications();

        @case.RecordReturnVisit(Satisfaction.Dissatisfied, false, "仍不满意", _s.Step().As(Desk));

        @case.ReopenCount.ShouldBe(2);
        @case.HandleRound.ShouldBe(3);
        var order = @case.SupervisionOrders.ShouldHaveSingleItem();
        order.Source.ShouldBe(SupervisionSource.Reopen);
        order.UnitId.ShouldBe(Department);
        order.IssuedAtUtc.ShouldBe(_s.Now);
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.Leaders && n.Template == NotificationTemplates.ReopenSupervision);
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.UnitLeaders && n.Template == NotificationTemplates.SupervisionIssued);
    }

    [Fact]
    public void Return_visit_by_the_handling_unit_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.Closed);

        ((Action)(() => @case.RecordReturnVisit(Satisfaction.Satisfied, true, null, _s.As(UnitLeader))))
            .ShouldBeRefusedWith(RuleSlugs.ReturnVisitByHandlingUnit);
        @case.ReturnVisits.ShouldBeEmpty();
    }

    [Fact]
    public void Return_visit_by_another_unit_is_allowed()
    {
        var @case = _s.InStatus(CaseStatus.Closed);

        @case.RecordReturnVisit(Satisfaction.Basically, true, null, _s.As(new Actor("street1", "街道回访员", Street)));

        @case.ReturnVisits.ShouldHaveSingleItem().Satisfaction.ShouldBe(Satisfaction.Basically);
    }

    [Fact]
    public void Return_visit_is_recorded_once_per_round()
    {
        var @case = _s.InStatus(CaseStatus.Closed);
        @case.RecordReturnVisit(Satisfaction.Satisfied, true, null, _s.As(Desk));

        ((Action)(() => @case.RecordReturnVisit(Satisfaction.Dissatisfied, false, null, _s.As(Desk))))
            .ShouldBeRefusedWith(RuleSlugs.ReturnVisitAlreadyRecorded);
        @case.Status.ShouldBe(CaseStatus.Closed);
    }

    [Fact]
    public void Anonymous_case_cannot_be_visited()
    {
        var @case = _s.InStatus(CaseStatus.Closed, Intake(anonymous: true));

        ((Action)(() => @case.RecordReturnVisit(Satisfaction.Satisfied, true, null, _s.As(Desk))))
            .ShouldBeRefusedWith(RuleSlugs.AnonymousNoReturnVisit);
    }

    [Fact]
    public void Dissatisfied_visit_of_a_case_that_never_had_a_unit_goes_back_to_the_dispatcher_queue()
    {
        var @case = _s.Register(Intake(CaseKind.Consultation));
        @case.AnswerOnTheSpot("请到街道办事处咨询", ContactChannel.Phone, _s.As(Desk));
        @case.Close(_s.As(Desk));
        @case.ClearPendingNotifications();

        @case.RecordReturnVisit(Satisfaction.Dissatisfied, false, "答复不清楚", _s.Step().As(Desk));

        @case.Status.ShouldBe(CaseStatus.Registered);
        @case.ReopenCount.ShouldBe(1);
        @case.AcceptDeadlineUtc.ShouldBe(Calendar.DeadlineFrom(_s.Now, Terms.Accept));
        @case.PendingNotifications.ShouldHaveSingleItem().Audience.ShouldBe(NotificationAudience.Dispatchers);
    }

    [Fact]
    public void Timeline_of_a_reopen_loop_lists_every_step_in_order()
    {
        var @case = _s.InStatus(CaseStatus.Reopened);
        @case.RecordProgress("重新核查", _s.Step().As(Cadre));
        CloseWithFeedback(@case);
        @case.RecordReturnVisit(Satisfaction.Satisfied, true, null, _s.Step().As(Desk));

        @case.Timeline.Select(e => e.Action).ShouldBe(
        [
            TimelineActions.Registered,
            TimelineActions.Dispatched,
            TimelineActions.Accepted,
            TimelineActions.ProgressRecorded,
            TimelineActions.Resolved,
            TimelineActions.FeedbackRecorded,
            TimelineActions.Closed,
            TimelineActions.ReturnVisitRecorded,
            TimelineActions.Reopened,
            TimelineActions.ProgressRecorded,
            TimelineActions.Resolved,
            TimelineActions.FeedbackRecorded,
            TimelineActions.Closed,
            TimelineActions.ReturnVisitRecorded,
        ]);
        @case.Timeline.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 14));
        @case.TimelineCount.ShouldBe(14);
        @case.Timeline.Select(e => e.AtUtc).ShouldBeInOrder();
        @case.Timeline.Where(e => e.Before is not null).Select(e => e.After!.Split("; ")[0]).ShouldBe(
        [
            "status=Dispatched", "status=Accepted", "status=InProgress", "status=Resolved", "status=FeedbackGiven",
            "status=Closed", "status=Reopened", "status=InProgress", "status=Resolved", "status=FeedbackGiven", "status=Closed",
        ]);
    }

    private void CloseWithFeedback(Case @case)
    {
        @case.Resolve(Outcome.Resolved, "已整改", _s.Step().As(Cadre));
        @case.RecordFeedback(ContactChannel.Phone, _s.Step().Now, true, "已告知", null, _s.As(Cadre));
        @case.Close(_s.Step().As(Desk));
    }
}
