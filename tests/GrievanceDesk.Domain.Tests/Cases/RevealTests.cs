using GrievanceDesk.Domain.Cases;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>The audited reveal of a complainant's full numbers (docs/product.md §7): recorded on the timeline, with a reason, for cases that name someone.</summary>
public sealed class RevealTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void A_reveal_returns_the_audit_entry_and_appends_a_staff_only_timeline_entry()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        var before = @case.Timeline.Count;

        var audit = @case.RecordReveal("  回访需要拨打诉求人电话  ", _s.Step().As(Cadre));

        audit.CaseId.ShouldBe(@case.Id);
        audit.AtUtc.ShouldBe(_s.Now);
        audit.UserName.ShouldBe(Cadre.UserName);
        audit.DisplayName.ShouldBe(Cadre.DisplayName);
        audit.UnitId.ShouldBe(Department);
        audit.Reason.ShouldBe("回访需要拨打诉求人电话");
        audit.Complainants.ShouldBe(1);
        @case.Timeline.Count.ShouldBe(before + 1);
        var entry = @case.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.ContactRevealed);
        entry.ActorUserName.ShouldBe(Cadre.UserName);
        entry.Summary.ShouldContain("回访需要拨打诉求人电话");
        entry.IsPublic.ShouldBeFalse("the public tracking page never shows who looked at personal data");
    }

    [Fact]
    public void A_reveal_changes_nothing_but_the_timeline()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var (status, deadline, unit) = (@case.Status, @case.CurrentDeadlineUtc, @case.UnitId);
        @case.ClearPendingNotifications();

        @case.RecordReveal("核实身份", _s.Step().As(UnitLeader));

        @case.Status.ShouldBe(status);
        @case.CurrentDeadlineUtc.ShouldBe(deadline);
        @case.UnitId.ShouldBe(unit);
        @case.PendingNotifications.ShouldBeEmpty("a reveal notifies nobody");
    }

    [Theory]
    [InlineData(CaseStatus.Registered)]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Merged)]
    [InlineData(CaseStatus.Reopened)]
    public void A_reveal_is_possible_in_any_status(CaseStatus status)
    {
        var @case = _s.InStatus(status);

        Should.NotThrow(() => @case.RecordReveal("回访前核对电话", _s.Step().As(Desk)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_reveal_without_a_reason_is_refused_and_leaves_no_trace(string reason)
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        var before = @case.Timeline.Count;

        new Action(() => @case.RecordReveal(reason, _s.As(Cadre))).ShouldBeRefusedWith(RuleSlugs.TextRequired);

        @case.Timeline.Count.ShouldBe(before);
    }

    [Fact]
    public void An_anonymous_case_has_nothing_to_reveal()
    {
        var @case = _s.Register(Intake(anonymous: true));
        var before = @case.Timeline.Count;

        new Action(() => @case.RecordReveal("核实", _s.As(Desk))).ShouldBeRefusedWith(RuleSlugs.NothingToReveal);

        @case.Timeline.Count.ShouldBe(before);
    }
}
