using GrievanceDesk.Domain.Cases;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>A command's context carries the actions its caller was checked for; the aggregate refuses any other.</summary>
public sealed class AuthorizedActionTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void A_method_of_another_action_than_the_authorized_one_is_refused_and_changes_nothing()
    {
        var @case = _s.InStatus(CaseStatus.Dispatched);
        var timeline = @case.Timeline.Count;

        var refused = Should.Throw<InvalidOperationException>(() => @case.Accept(_s.As(Cadre).Permitting(CaseAction.RecordProgress)));

        refused.Message.ShouldContain("Accept");
        @case.Status.ShouldBe(CaseStatus.Dispatched);
        @case.Timeline.Count.ShouldBe(timeline);
    }

    [Fact]
    public void Closing_is_refused_under_a_context_authorized_for_feedback_only()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);

        Should.Throw<InvalidOperationException>(() => @case.Close(_s.As(Desk).Permitting(CaseAction.RecordFeedback)));
        @case.Status.ShouldBe(CaseStatus.Resolved);
    }

    [Fact]
    public void The_authorized_action_and_its_declared_follow_up_both_run()
    {
        var @case = _s.Register();
        var ctx = _s.As(Dispatcher).Permitting(CaseAction.Dispatch, CaseAction.Assign);

        @case.Dispatch(Department, Ancestry(Department), routingRuleId: null, note: null, ctx);
        @case.Assign(Cadre.UserName, ctx);

        @case.CadreUserName.ShouldBe(Cadre.UserName);
    }

    [Fact]
    public void A_context_of_the_office_s_own_processes_permits_every_action()
    {
        var @case = _s.InStatus(CaseStatus.Dispatched);

        @case.Accept(_s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.Accepted);
    }
}
