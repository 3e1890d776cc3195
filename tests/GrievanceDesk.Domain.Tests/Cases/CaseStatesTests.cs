using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>The one definition of open, current deadline, overdue and 临期 (CaseStates), and the query forms agreeing with it.</summary>
public sealed class CaseStatesTests
{
    private readonly CaseScenario _s = new();

    public static TheoryData<CaseStatus> Statuses => [.. Enum.GetValues<CaseStatus>()];

    [Theory]
    [MemberData(nameof(Statuses))]
    public void The_query_forms_agree_with_the_aggregate_in_every_status(CaseStatus status)
    {
        var @case = _s.InStatus(status);
        var later = @case.CurrentDeadlineUtc?.AddDays(1) ?? _s.Now;

        CaseStates.Open.Compile()(@case).ShouldBe(@case.IsOpen);
        CaseStates.CurrentDeadline.Compile()(@case).ShouldBe(@case.CurrentDeadlineUtc);
        CaseStates.OverdueAt(later).Compile()(@case).ShouldBe(CaseStates.IsOverdue(@case.CurrentDeadlineUtc, later));
        @case.IsOpen.ShouldBe(status is not (CaseStatus.Closed or CaseStatus.Merged));
    }

    [Fact]
    public void A_paused_case_has_no_current_deadline_and_is_not_overdue_while_paused()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var handle = @case.HandleDeadlineUtc!.Value;
        var pause = @case.RequestPause("等待鉴定", _s.As(Cadre));
        @case.ApprovePause(pause, _s.Step().As(UnitLeader));

        @case.CurrentDeadlineUtc.ShouldBeNull();
        @case.HandleDeadlineUtc.ShouldBe(handle);
        var longAfter = handle.AddDays(30);
        CaseStates.OverdueAt(longAfter).Compile()(@case).ShouldBeFalse();
        CaseStates.MarkOf(@case.CurrentDeadlineUtc, @case.IsPaused, Terms.WarnBefore, longAfter).ShouldBe(DeadlineMark.Paused);
    }

    [Fact]
    public void Overdue_starts_at_the_first_whole_second_after_the_deadline()
    {
        var deadline = Cst.EndOf("2026-03-16"); // 23:59:59 CST

        CaseStates.IsOverdue(deadline, deadline).ShouldBeFalse();
        CaseStates.IsOverdue(deadline, Cst.At("2026-03-16 23:59:59.9999999")).ShouldBeFalse();
        CaseStates.IsOverdue(deadline, Cst.At("2026-03-17 00:00")).ShouldBeTrue();
        CaseStates.IsOverdue(null, Cst.At("2030-01-01 00:00")).ShouldBeFalse();
    }

    [Theory]
    [InlineData(72, "2026-03-13 23:59:58", DeadlineMark.None)] // 72 h + 1 s ahead
    [InlineData(72, "2026-03-13 23:59:59", DeadlineMark.DueSoon)] // exactly 72 h ahead: the warning is due
    [InlineData(72, "2026-03-15 10:00", DeadlineMark.DueSoon)] // 38 h ahead: due soon, though more than 24 h
    [InlineData(4, "2026-03-15 10:00", DeadlineMark.None)] // a 4-hour warning
    [InlineData(4, "2026-03-16 20:00", DeadlineMark.DueSoon)]
    [InlineData(72, "2026-03-16 23:59:59", DeadlineMark.DueSoon)] // at the deadline
    [InlineData(72, "2026-03-17 00:00", DeadlineMark.Overdue)]
    public void Due_soon_starts_at_the_policys_warning_time(int warnHours, string now, DeadlineMark expected)
    {
        CaseStates.MarkOf(Cst.EndOf("2026-03-16"), paused: false, TimeSpan.FromHours(warnHours), Cst.At(now)).ShouldBe(expected);
    }
}
