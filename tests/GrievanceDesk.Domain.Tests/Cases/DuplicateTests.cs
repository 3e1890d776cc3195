using GrievanceDesk.Domain.Cases;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>Merging duplicates (合并) and repeats (重复件): a repeat of a case still being handled is not dispatched again.</summary>
public sealed class DuplicateTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void Merge_folds_the_case_into_the_target_and_both_timelines_say_so()
    {
        var target = _s.InStatus(CaseStatus.Dispatched);
        var duplicate = _s.Register();

        duplicate.MergeInto(target, CaseScenario.UnitsOf(target), _s.As(Desk));

        duplicate.Status.ShouldBe(CaseStatus.Merged);
        duplicate.MergedIntoCaseId.ShouldBe(target.Id);
        duplicate.Timeline.Last().Summary.ShouldContain(target.TrackingNo);
        target.Timeline.Last().Action.ShouldBe(TimelineActions.MergeReceived);
        target.Timeline.Last().Summary.ShouldContain(duplicate.TrackingNo);
        target.Status.ShouldBe(CaseStatus.Dispatched);
    }

    [Fact]
    public void Merge_into_itself_is_refused()
    {
        var @case = _s.Register();

        ((Action)(() => @case.MergeInto(@case, CaseScenario.UnitsOf(@case), _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.MergeTargetInvalid);
    }

    [Fact]
    public void Merge_into_a_merged_case_is_refused()
    {
        var merged = _s.InStatus(CaseStatus.Merged);
        var @case = _s.Register();

        ((Action)(() => @case.MergeInto(merged, CaseScenario.UnitsOf(merged), _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.MergeTargetInvalid);
        @case.Status.ShouldBe(CaseStatus.Registered);
    }

    [Fact]
    public void Merge_into_an_unsaved_case_is_a_programming_error()
    {
        var unsaved = GrievanceDesk.Domain.Cases.Case.Register(Intake() with { ReceivedAtUtc = _s.Now }, "GD-X", "Q", 1, _s.As(Desk));
        var @case = _s.Register();

        Should.Throw<InvalidOperationException>(() => @case.MergeInto(unsaved, CaseScenario.UnitsOf(unsaved), _s.As(Desk)));
    }

    [Fact]
    public void Repeat_of_an_open_case_is_merged_into_it_and_the_complainant_hears_how_it_stands()
    {
        var original = _s.InStatus(CaseStatus.InProgress);
        original.ClearPendingNotifications();
        var repeat = _s.Register();
        repeat.ClearPendingNotifications();

        repeat.MarkRepeatOf(original, "区市场监管局", CaseScenario.UnitsOf(original), _s.As(Desk));

        repeat.IsRepeat.ShouldBeTrue();
        repeat.RepeatOfCaseId.ShouldBe(original.Id);
        repeat.Status.ShouldBe(CaseStatus.Merged);
        repeat.MergedIntoCaseId.ShouldBe(original.Id);
        var update = repeat.PendingNotifications.ShouldHaveSingleItem();
        update.Audience.ShouldBe(NotificationAudience.Complainant);
        update.Template.ShouldBe(NotificationTemplates.RepeatProgress);
        update.Text.ShouldContain(original.TrackingNo);
        update.Text.ShouldContain("办理中");
        update.Text.ShouldContain("区市场监管局");
        var entry = original.Timeline.Last();
        entry.Action.ShouldBe(TimelineActions.RepeatReceived);
        entry.Summary.ShouldBe($"同一诉求重复来访：{repeat.TrackingNo}");
        original.PendingNotifications.ShouldHaveSingleItem().UnitId.ShouldBe(Department);
    }

    [Fact]
    public void Repeat_of_an_open_case_by_an_anonymous_complainant_tells_nobody()
    {
        var original = _s.InStatus(CaseStatus.Accepted);
        var repeat = _s.Register(Intake(anonymous: true));

        repeat.MarkRepeatOf(original, "区市场监管局", CaseScenario.UnitsOf(original), _s.As(Desk));

        repeat.Status.ShouldBe(CaseStatus.Merged);
        repeat.PendingNotifications.ShouldBeEmpty();
    }

    [Fact]
    public void Repeat_of_a_closed_case_stays_in_the_queue_to_be_dispatched()
    {
        var original = _s.InStatus(CaseStatus.Closed);
        var repeat = _s.Register();
        repeat.ClearPendingNotifications();

        repeat.MarkRepeatOf(original, null, CaseScenario.UnitsOf(original), _s.As(Desk));

        repeat.IsRepeat.ShouldBeTrue();
        repeat.RepeatOfCaseId.ShouldBe(original.Id);
        repeat.Status.ShouldBe(CaseStatus.Registered);
        repeat.MergedIntoCaseId.ShouldBeNull();
        repeat.PendingNotifications.ShouldBeEmpty();
        original.Timeline.Last().Summary.ShouldStartWith("同一诉求重复来访");
        _s.Dispatch(repeat);
        repeat.Status.ShouldBe(CaseStatus.Dispatched);
    }

    [Fact]
    public void Repeat_of_itself_or_of_a_merged_case_is_refused()
    {
        var @case = _s.Register();
        var merged = _s.InStatus(CaseStatus.Merged);

        ((Action)(() => @case.MarkRepeatOf(@case, null, CaseScenario.UnitsOf(@case), _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.RepeatTargetInvalid);
        ((Action)(() => @case.MarkRepeatOf(merged, null, CaseScenario.UnitsOf(merged), _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.RepeatTargetInvalid);
        @case.IsRepeat.ShouldBeFalse();
    }
}

/// <summary>回避 on merge and repeat: a report about unit U is not folded into a case that U (or a unit below U) handles.</summary>
public class DuplicateConflictTests
{
    private readonly CaseScenario _s = new();

    private GrievanceDesk.Domain.Cases.Case ReportAbout(int unit) => _s.Register(CaseScenario.Intake(kind: CaseKind.Report, respondentUnitId: unit));

    [Theory]
    [InlineData(CaseScenario.Department)] // held by the respondent itself
    [InlineData(CaseScenario.Section)] // held by a unit below the respondent
    public void Merge_into_a_case_held_by_the_respondent_or_below_it_is_refused(int holder)
    {
        var held = _s.InStatus(CaseStatus.Registered);
        _s.Dispatch(held, holder);
        var report = ReportAbout(CaseScenario.Department);

        ((Action)(() => report.MergeInto(held, CaseScenario.UnitsOf(held), _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.ConflictOfInterest);
        report.Status.ShouldBe(CaseStatus.Registered);
    }

    [Theory]
    [InlineData(CaseScenario.Department)]
    [InlineData(CaseScenario.Section)]
    public void Repeat_of_an_open_case_held_by_the_respondent_or_below_it_is_refused(int holder)
    {
        var held = _s.InStatus(CaseStatus.Registered);
        _s.Dispatch(held, holder);
        var report = ReportAbout(CaseScenario.Department);

        ((Action)(() => report.MarkRepeatOf(held, null, CaseScenario.UnitsOf(held), _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.ConflictOfInterest);
        report.IsRepeat.ShouldBeFalse();
    }

    [Fact]
    public void Merge_into_a_case_held_by_the_respondents_parent_is_allowed()
    {
        var held = _s.InStatus(CaseStatus.Registered);
        _s.Dispatch(held, CaseScenario.District);
        var report = ReportAbout(CaseScenario.Department);

        report.MergeInto(held, CaseScenario.UnitsOf(held), _s.As(Desk));

        report.Status.ShouldBe(CaseStatus.Merged);
    }

    [Fact]
    public void The_ancestry_must_be_the_holders()
    {
        var held = _s.InStatus(CaseStatus.Registered);
        _s.Dispatch(held, CaseScenario.Section);
        var report = ReportAbout(CaseScenario.Department);

        Should.Throw<ArgumentException>(() => report.MergeInto(held, [], _s.As(Desk)));
    }
}
