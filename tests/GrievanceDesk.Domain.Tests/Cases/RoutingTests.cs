using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Common;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>Dispatch, the conflict guard (回避), assignment, acceptance and return (退单).</summary>
public sealed class RoutingTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void Dispatch_sends_the_case_to_the_unit_with_a_contact_deadline_and_tells_its_leaders()
    {
        var @case = _s.Register();
        @case.ClearPendingNotifications();

        _s.Step();
        @case.Dispatch(Department, Ancestry(Department), routingRuleId: 42, "请尽快核实", _s.As(Dispatcher));

        @case.Status.ShouldBe(CaseStatus.Dispatched);
        @case.UnitId.ShouldBe(Department);
        @case.RoutingRuleId.ShouldBe(42);
        @case.DispatchedAtUtc.ShouldBe(_s.Now);
        @case.ContactDeadlineUtc.ShouldBe(_s.Now.AddHours(24));
        var notice = @case.PendingNotifications.ShouldHaveSingleItem();
        notice.Audience.ShouldBe(NotificationAudience.UnitLeaders);
        notice.UnitId.ShouldBe(Department);
        notice.Template.ShouldBe(NotificationTemplates.CaseDispatched);
        var entry = @case.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.Dispatched);
        entry.Summary.ShouldBe("派单至承办单位（按派单规则自动派单）：请尽快核实");
        entry.Before.ShouldBe("status=Registered; unit=; contactDeadline=");
        entry.After.ShouldBe("status=Dispatched; unit=10; contactDeadline=2026-03-03T02:00:00Z");
    }

    [Fact]
    public void Dispatch_sets_no_contact_deadline_when_the_policy_has_no_contact_stage()
    {
        var @case = _s.Register();

        @case.Dispatch(Department, Ancestry(Department), null, null, _s.As(Dispatcher) with { Terms = Terms with { Contact = null } });

        @case.ContactDeadlineUtc.ShouldBeNull();
    }

    [Fact]
    public void Redispatch_clears_the_cadre_and_the_handle_clock_for_the_new_unit_to_accept()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.Assign("cadre1", _s.As(UnitLeader));

        _s.Step().Dispatch(@case, Street);

        @case.Status.ShouldBe(CaseStatus.Dispatched);
        @case.UnitId.ShouldBe(Street);
        @case.CadreUserName.ShouldBeNull();
        @case.HandleDeadlineUtc.ShouldBeNull();
        @case.AcceptedAtUtc.ShouldBeNull();
        @case.RoutingRuleId.ShouldBeNull();
        @case.Timeline.Last().Summary.ShouldStartWith("改派至承办单位");
    }

    [Fact]
    public void Redispatch_is_refused_while_the_handle_clock_is_paused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        @case.ApprovePause(@case.RequestPause("等待鉴定", _s.As(Cadre)), _s.As(UnitLeader));

        ((Action)(() => _s.Dispatch(@case, Street))).ShouldBeRefusedWith(RuleSlugs.CasePaused);
    }

    [Theory]
    [InlineData(Department)]
    [InlineData(Section)]
    public void Dispatch_to_the_respondent_unit_or_below_it_is_refused(int unit)
    {
        var @case = _s.Register(Intake(kind: CaseKind.Report, respondentUnitId: Department));

        ((Action)(() => _s.Dispatch(@case, unit))).ShouldBeRefusedWith(RuleSlugs.ConflictOfInterest);
        @case.Status.ShouldBe(CaseStatus.Registered);
        @case.UnitId.ShouldBeNull();
    }

    [Theory]
    [InlineData(District)]
    [InlineData(Street)]
    [InlineData(Community)]
    public void Dispatch_to_the_respondents_parent_or_an_unrelated_unit_is_allowed(int unit)
    {
        var @case = _s.Register(Intake(kind: CaseKind.Report, respondentUnitId: Department));

        _s.Dispatch(@case, unit);

        @case.UnitId.ShouldBe(unit);
    }

    [Fact]
    public void Dispatch_needs_the_ancestry_of_the_target_unit()
    {
        var @case = _s.Register();

        Should.Throw<ArgumentException>(() => @case.Dispatch(Section, Ancestry(Department), null, null, _s.As(Dispatcher)));
    }

    [Theory]
    [InlineData(Department, District)]
    [InlineData(Section, District)]
    [InlineData(Street, Street)]
    [InlineData(District, District)]
    public void Redirect_routes_around_the_respondent_to_its_parent(int proposed, int expected)
    {
        ConflictGuard.Redirect(Department, proposed, Ancestry(proposed), ParentOf).ShouldBe(expected);
    }

    [Fact]
    public void Redirect_leaves_the_case_to_a_dispatcher_when_the_respondent_is_the_root()
    {
        ConflictGuard.Redirect(District, Department, Ancestry(Department), ParentOf).ShouldBeNull();
    }

    [Fact]
    public void Redirect_keeps_the_proposed_unit_when_there_is_no_respondent_unit()
    {
        ConflictGuard.Redirect(null, Section, Ancestry(Section), ParentOf).ShouldBe(Section);
    }

    [Fact]
    public void Assign_gives_the_case_to_a_cadre_and_tells_them()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        @case.ClearPendingNotifications();

        @case.Assign("cadre7", _s.As(UnitLeader));

        @case.CadreUserName.ShouldBe("cadre7");
        var notice = @case.PendingNotifications.ShouldHaveSingleItem();
        notice.Audience.ShouldBe(NotificationAudience.Cadre);
        notice.UserName.ShouldBe("cadre7");
        notice.Text.ShouldContain(@case.TrackingNo);
        @case.Timeline.Last().Before.ShouldBe("cadre=");
        @case.Timeline.Last().After.ShouldBe("cadre=cadre7");
    }

    [Fact]
    public void Assign_requires_a_cadre()
    {
        var @case = _s.InStatus(CaseStatus.Dispatched);

        ((Action)(() => @case.Assign(" ", _s.As(UnitLeader)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void Accept_starts_the_handle_clock_in_working_days_across_the_National_Day_holiday()
    {
        var s = new CaseScenario("2026-09-28 09:00");
        var @case = s.InStatus(CaseStatus.Dispatched);
        s.At("2026-09-29 10:00");

        @case.Accept(s.As(Cadre));

        // 10 working days after 09-29: 09-30, 10-08, 10-09, 10-10 (make-up), 10-12 … 10-16, 10-19.
        @case.Status.ShouldBe(CaseStatus.Accepted);
        @case.AcceptedAtUtc.ShouldBe(s.Now);
        @case.HandleDeadlineUtc.ShouldBe(Cst.EndOf("2026-10-19"));
        @case.Timeline.Last().IsPublic.ShouldBeTrue();
    }

    [Fact]
    public void Return_within_the_window_sends_the_case_back_to_the_queue_and_counts_against_the_rule()
    {
        var s = new CaseScenario("2026-09-30 10:00");
        var @case = s.Register();
        s.Dispatch(@case, Department, routingRuleId: 42);
        @case.ClearPendingNotifications();

        // Five working days after 09-30 across the holiday: 10-08, 10-09, 10-10 (make-up), 10-12, 10-13.
        s.At("2026-10-13 23:59:59");
        @case.Return("该事项属于街道职责", s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.Registered);
        @case.UnitId.ShouldBeNull();
        @case.CadreUserName.ShouldBeNull();
        @case.RoutingRuleId.ShouldBeNull();
        @case.DispatchedAtUtc.ShouldBeNull();
        var record = @case.Returns.ShouldHaveSingleItem();
        record.UnitId.ShouldBe(Department);
        record.RoutingRuleId.ShouldBe(42);
        record.Reason.ShouldBe("该事项属于街道职责");
        record.ByUserName.ShouldBe(Cadre.UserName);
        @case.PendingNotifications.ShouldHaveSingleItem().Audience.ShouldBe(NotificationAudience.Dispatchers);
        @case.Timeline.Last().Action.ShouldBe(TimelineActions.Returned);
    }

    [Fact]
    public void Return_is_refused_after_five_working_days_across_the_National_Day_holiday()
    {
        var s = new CaseScenario("2026-09-30 10:00");
        var @case = s.Register();
        s.Dispatch(@case);
        @case.ReturnWindowClosesAtUtc(Calendar).ShouldBe(Cst.EndOf("2026-10-13"));

        s.At("2026-10-14 00:00");

        ((Action)(() => @case.Return("该事项属于街道职责", s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.ReturnWindowClosed);
        @case.Status.ShouldBe(CaseStatus.Dispatched);
        @case.Returns.ShouldBeEmpty();
    }

    [Fact]
    public void Return_is_allowed_on_the_working_day_before_the_window_closes()
    {
        var s = new CaseScenario("2026-09-30 10:00");
        var @case = s.Register();
        s.Dispatch(@case);
        s.At("2026-10-13 09:00");

        @case.Return("不属于本单位", s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.Registered);
    }

    [Fact]
    public void Return_requires_a_reason()
    {
        var @case = _s.InStatus(CaseStatus.Dispatched);

        ((Action)(() => @case.Return("  ", _s.As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void A_returned_case_can_be_dispatched_again_and_returned_again_within_a_new_window()
    {
        var @case = _s.InStatus(CaseStatus.Dispatched);
        @case.Return("不属于本单位", _s.As(Cadre));

        _s.Advance(TimeSpan.FromDays(20)).Dispatch(@case, Street);
        @case.Return("也不属于本街道", _s.As(new Actor("cadre9", "街道承办人", Street)));

        @case.Returns.Select(r => r.UnitId).ShouldBe([Department, Street]);
    }
}
