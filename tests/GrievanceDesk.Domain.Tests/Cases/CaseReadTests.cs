using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>The read helpers lists and jobs use: open, the current deadline, hiding a report's complainant.</summary>
public sealed class CaseReadTests
{
    private readonly CaseScenario _s = new();

    [Theory]
    [InlineData(CaseStatus.Registered, true)]
    [InlineData(CaseStatus.Dispatched, true)]
    [InlineData(CaseStatus.Accepted, true)]
    [InlineData(CaseStatus.InProgress, true)]
    [InlineData(CaseStatus.Resolved, true)]
    [InlineData(CaseStatus.FeedbackGiven, true)]
    [InlineData(CaseStatus.Reopened, true)]
    [InlineData(CaseStatus.Closed, false)]
    [InlineData(CaseStatus.Merged, false)]
    public void Open_means_neither_closed_nor_merged(CaseStatus status, bool open)
    {
        _s.InStatus(status).IsOpen.ShouldBe(open);
    }

    [Theory]
    [InlineData(CaseStatus.Registered, "accept")]
    [InlineData(CaseStatus.Dispatched, "accept")]
    [InlineData(CaseStatus.Accepted, "handle")]
    [InlineData(CaseStatus.InProgress, "handle")]
    [InlineData(CaseStatus.Reopened, "handle")]
    [InlineData(CaseStatus.Resolved, "feedback")]
    [InlineData(CaseStatus.FeedbackGiven, null)]
    [InlineData(CaseStatus.Closed, null)]
    [InlineData(CaseStatus.Merged, null)]
    public void Current_deadline_is_the_one_the_status_is_held_to(CaseStatus status, string? which)
    {
        var @case = _s.InStatus(status);

        var expected = which switch
        {
            "accept" => @case.AcceptDeadlineUtc,
            "handle" => @case.HandleDeadlineUtc,
            "feedback" => @case.FeedbackDeadlineUtc,
            _ => (DateTime?)null,
        };
        @case.CurrentDeadlineUtc.ShouldBe(expected);
        if (which is not null)
        {
            @case.CurrentDeadlineUtc.ShouldNotBeNull();
        }
    }

    [Theory]
    [InlineData(Department, true)]
    [InlineData(Section, true)]
    [InlineData(District, false)]
    [InlineData(Street, false)]
    public void Report_hides_the_complainant_from_the_respondent_unit_and_below(int viewerUnit, bool hidden)
    {
        var @case = _s.Register(Intake(kind: CaseKind.Report, respondentUnitId: Department));

        @case.HidesIdentityFrom(Ancestry(viewerUnit)).ShouldBe(hidden);
    }

    [Fact]
    public void A_claim_against_a_unit_does_not_hide_the_complainant()
    {
        var @case = _s.Register(Intake(kind: CaseKind.Claim, respondentUnitId: Department));

        @case.HidesIdentityFrom(Ancestry(Department)).ShouldBeFalse();
    }

    [Fact]
    public void Return_window_is_shown_only_while_dispatched()
    {
        _s.Register().ReturnWindowClosesAtUtc(Calendar).ShouldBeNull();
        _s.InStatus(CaseStatus.Accepted).ReturnWindowClosesAtUtc(Calendar).ShouldBeNull();
        // Dispatched Monday 2026-03-02: five working days later is Monday 03-09.
        _s.InStatus(CaseStatus.Dispatched).ReturnWindowClosesAtUtc(Calendar).ShouldBe(Cst.EndOf("2026-03-09"));
    }
}
