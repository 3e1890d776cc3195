using GrievanceDesk.Domain.Cases;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

public sealed class DeadlineStageTests
{
    [Theory]
    [InlineData(CaseStatus.Registered, DeadlineStage.Accept)]
    [InlineData(CaseStatus.Dispatched, DeadlineStage.Accept)]
    [InlineData(CaseStatus.Accepted, DeadlineStage.Handle)]
    [InlineData(CaseStatus.InProgress, DeadlineStage.Handle)]
    [InlineData(CaseStatus.Reopened, DeadlineStage.Handle)]
    [InlineData(CaseStatus.Resolved, DeadlineStage.Feedback)]
    public void A_case_is_held_to_the_clock_of_its_status(CaseStatus status, DeadlineStage stage)
    {
        DeadlineStages.Of(status).ShouldBe(stage);
    }

    [Theory]
    [InlineData(CaseStatus.Closed)]
    [InlineData(CaseStatus.Merged)]
    public void A_closed_or_merged_case_has_no_clock(CaseStatus status)
    {
        DeadlineStages.Of(status).ShouldBeNull();
    }

    [Fact]
    public void The_stage_names_the_deadline_the_case_is_held_to()
    {
        var s = new CaseScenario();
        foreach (var status in new[] { CaseStatus.Registered, CaseStatus.Accepted, CaseStatus.Resolved })
        {
            var @case = s.InStatus(status);
            var deadline = DeadlineStages.Of(@case.Status) switch
            {
                DeadlineStage.Accept => @case.AcceptDeadlineUtc,
                DeadlineStage.Handle => @case.HandleDeadlineUtc,
                DeadlineStage.Feedback => @case.FeedbackDeadlineUtc,
                _ => null,
            };
            @case.CurrentDeadlineUtc.ShouldBe(deadline, status.ToString());
        }
    }

    [Fact]
    public void Escalation_records_keep_the_stored_names()
    {
        DeadlineStage.Accept.Slug().ShouldBe("accept");
        DeadlineStage.Handle.Slug().ShouldBe("handle");
        DeadlineStage.Feedback.Slug().ShouldBe("feedback");
        DeadlineStage.Handle.ToChinese().ShouldBe("办结时限");
    }
}
