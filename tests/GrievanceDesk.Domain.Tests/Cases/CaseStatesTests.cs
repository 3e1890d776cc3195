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

/// <summary>A change to the holiday table: the running deadlines counted again from their starts, old → new on the timeline.</summary>
public sealed class RecomputeDeadlinesTests
{
    [Fact]
    public void A_new_holiday_on_the_deadline_moves_it_to_the_next_working_day_and_the_timeline_says_why()
    {
        // 15 calendar days from 2026-12-17 = 2027-01-01, a Friday while 2027 has no entries.
        var s = new CaseScenario("2026-12-17 09:00");
        var @case = s.Register();
        @case.AcceptDeadlineUtc.ShouldBe(Cst.EndOf("2027-01-01"));
        var withNewYear = new GrievanceDesk.Domain.Time.WorkingCalendar(
            [.. GrievanceDesk.Domain.Time.OfficialCalendar.Days2025And2026, new(Cst.Date("2027-01-01"), GrievanceDesk.Domain.Time.CalendarDayKind.Holiday, "元旦")]);

        var moved = @case.RecomputeDeadlines("节假日调整", s.As(Leader) with { Calendar = withNewYear });

        moved.ShouldBeTrue();
        @case.AcceptDeadlineUtc.ShouldBe(Cst.EndOf("2027-01-04")); // 01-02 and 01-03 are a weekend
        var entry = @case.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.DeadlinesRecomputed);
        entry.Summary.ShouldContain("节假日调整");
        entry.Summary.ShouldContain("2027-01-01");
        entry.Summary.ShouldContain("2027-01-04");
    }

    [Fact]
    public void A_change_that_moves_nothing_writes_nothing()
    {
        var s = new CaseScenario();
        var @case = s.InStatus(CaseStatus.InProgress);
        var count = @case.Timeline.Count;

        @case.RecomputeDeadlines("节假日调整", s.As(Leader)).ShouldBeFalse();
        @case.Timeline.Count.ShouldBe(count);
    }

    [Fact]
    public void A_paused_handle_clock_is_recounted_with_its_ended_pauses_only()
    {
        var s = new CaseScenario();
        var @case = s.InStatus(CaseStatus.InProgress);
        var handle = @case.HandleDeadlineUtc;
        var pause = @case.RequestPause("等待鉴定", s.As(Cadre));
        @case.ApprovePause(pause, s.Step().As(UnitLeader));

        @case.RecomputeDeadlines("节假日调整", s.As(Leader)).ShouldBeFalse();
        @case.HandleDeadlineUtc.ShouldBe(handle);
    }
}
