using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>Supervision orders (督办) and the escalation ladder's steps.</summary>
public sealed class OversightTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void Leader_supervision_order_goes_to_the_unit_and_its_leaders()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ClearPendingNotifications();

        var order = @case.IssueSupervision(SupervisionSource.Leader, "请三日内办结", _s.As(Leader));

        order.Source.ShouldBe(SupervisionSource.Leader);
        order.UnitId.ShouldBe(Department);
        order.Note.ShouldBe("请三日内办结");
        order.IssuedBy.ShouldBe(Leader.UserName);
        order.IsLeaderSupervision.ShouldBeTrue();
        @case.SupervisionOrders.ShouldHaveSingleItem().ShouldBeSameAs(order);
        var notice = @case.PendingNotifications.ShouldHaveSingleItem();
        notice.Audience.ShouldBe(NotificationAudience.UnitLeaders);
        notice.UnitId.ShouldBe(Department);
        @case.Timeline.Last().Action.ShouldBe(TimelineActions.SupervisionIssued);
    }

    [Fact]
    public void Supervision_needs_a_note()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);

        ((Action)(() => @case.IssueSupervision(SupervisionSource.Office, "", _s.As(Leader)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void Warning_tells_the_cadre_and_the_unit_leaders()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.Assign("cadre1", _s.As(UnitLeader));
        @case.ClearPendingNotifications();

        @case.RecordEscalation(EscalationStep.Warning, "办理时限", @case.HandleDeadlineUtc!.Value, _s.As(Actor.System));

        @case.PendingNotifications.Select(n => n.Audience).ShouldBe([NotificationAudience.Cadre, NotificationAudience.UnitLeaders], ignoreOrder: true);
        @case.PendingNotifications.ShouldAllBe(n => n.Template == NotificationTemplates.DeadlineWarning);
        var entry = @case.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.DeadlineWarning);
        entry.Summary.ShouldBe("预警：办理时限将于2026-03-16 23:59到期");
        entry.ActorUserName.ShouldBe("system");
    }

    [Fact]
    public void Overdue_tells_the_unit_leaders()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ClearPendingNotifications();

        @case.RecordEscalation(EscalationStep.Overdue, "办理时限", @case.HandleDeadlineUtc!.Value, _s.As(Actor.System));

        var notice = @case.PendingNotifications.ShouldHaveSingleItem();
        notice.Audience.ShouldBe(NotificationAudience.UnitLeaders);
        notice.Template.ShouldBe(NotificationTemplates.DeadlineOverdue);
        @case.Timeline.Last().Action.ShouldBe(TimelineActions.DeadlineOverdue);
        @case.SupervisionOrders.ShouldBeEmpty();
    }

    [Fact]
    public void Supervision_step_issues_an_order_from_the_office_to_the_unit()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ClearPendingNotifications();

        @case.RecordEscalation(EscalationStep.Supervision, "办理时限", @case.HandleDeadlineUtc!.Value, _s.As(Actor.System));

        var order = @case.SupervisionOrders.ShouldHaveSingleItem();
        order.Source.ShouldBe(SupervisionSource.Escalation);
        order.UnitId.ShouldBe(Department);
        order.IsLeaderSupervision.ShouldBeFalse();
        @case.PendingNotifications.ShouldHaveSingleItem().Audience.ShouldBe(NotificationAudience.UnitLeaders);
    }

    [Fact]
    public void Leader_supervision_step_issues_an_order_and_tells_the_leaders()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ClearPendingNotifications();

        @case.RecordEscalation(EscalationStep.LeaderSupervision, "办理时限", @case.HandleDeadlineUtc!.Value, _s.As(Actor.System));

        var order = @case.SupervisionOrders.ShouldHaveSingleItem();
        order.Source.ShouldBe(SupervisionSource.LeaderEscalation);
        order.IsLeaderSupervision.ShouldBeTrue();
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.Leaders && n.Template == NotificationTemplates.LeaderSupervision);
        @case.PendingNotifications.ShouldContain(n => n.Audience == NotificationAudience.UnitLeaders);
    }

    [Fact]
    public void Escalation_of_an_undispatched_case_goes_to_the_dispatchers()
    {
        var @case = _s.Register();
        @case.ClearPendingNotifications();

        @case.RecordEscalation(EscalationStep.Overdue, "受理时限", @case.AcceptDeadlineUtc, _s.As(Actor.System));

        @case.PendingNotifications.ShouldHaveSingleItem().Audience.ShouldBe(NotificationAudience.Dispatchers);
    }
}
