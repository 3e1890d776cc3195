using GrievanceDesk.Domain.Cases;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>Case.IsPossible answers what the commands would do: the status, then the case's own records.</summary>
public sealed class PossibleActionsTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void A_case_in_progress_offers_a_pause_request_but_no_resume_and_no_decision()
    {
        var c = _s.InStatus(CaseStatus.InProgress);

        c.IsPossible(CaseAction.RequestPause).ShouldBeTrue();
        c.IsPossible(CaseAction.Resume).ShouldBeFalse();
        c.IsPossible(CaseAction.DecidePause).ShouldBeFalse();
        c.IsPossible(CaseAction.Resolve).ShouldBeTrue();
    }

    [Fact]
    public void A_requested_pause_is_decided_and_once_approved_only_resume_remains_and_resolve_waits()
    {
        var c = _s.InStatus(CaseStatus.InProgress);
        var pause = c.RequestPause("等待鉴定", _s.As(CaseScenario.Cadre));

        c.IsPossible(CaseAction.RequestPause).ShouldBeFalse();
        c.IsPossible(CaseAction.DecidePause).ShouldBeTrue();

        c.ApprovePause(pause, _s.Step().As(CaseScenario.UnitLeader));
        c.IsPossible(CaseAction.Resume).ShouldBeTrue();
        c.IsPossible(CaseAction.Resolve).ShouldBeFalse();
        Should.Throw<GrievanceDesk.Domain.Common.DomainRuleException>(() => c.Resolve(Outcome.Resolved, "已办结", _s.Step().As(CaseScenario.Cadre)));
    }

    [Fact]
    public void An_extension_once_requested_in_a_round_is_not_offered_again_even_when_decided()
    {
        var c = _s.InStatus(CaseStatus.InProgress);
        var request = c.RequestExtension(3, "需协调", _s.As(CaseScenario.Cadre));

        c.IsPossible(CaseAction.DecideExtension).ShouldBeTrue();
        c.ApproveExtension(request, _s.Step().As(CaseScenario.UnitLeader));

        c.IsPossible(CaseAction.DecideExtension).ShouldBeFalse();
        c.IsPossible(CaseAction.RequestExtension).ShouldBeFalse();
        Should.Throw<GrievanceDesk.Domain.Common.DomainRuleException>(() => c.RequestExtension(1, "再延", _s.Step().As(CaseScenario.Cadre)));
    }

    [Fact]
    public void Only_a_consultation_is_answered_on_the_spot_and_escalation_is_never_a_user_action()
    {
        _s.Register(CaseScenario.Intake(kind: CaseKind.Claim)).IsPossible(CaseAction.AnswerOnTheSpot).ShouldBeFalse();
        var consultation = _s.Register(CaseScenario.Intake(kind: CaseKind.Consultation));
        consultation.IsPossible(CaseAction.AnswerOnTheSpot).ShouldBeTrue();
        consultation.IsPossible(CaseAction.RecordEscalation).ShouldBeFalse();
    }
}
