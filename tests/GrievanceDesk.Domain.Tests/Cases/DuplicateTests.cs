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

        duplicate.MergeInto(target, _s.As(Desk));

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

        ((Action)(() => @case.MergeInto(@case, _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.MergeTargetInvalid);
    }

    [Fact]
    public void Merge_into_a_merged_case_is_refused()
    {
        var merged = _s.InStatus(CaseStatus.Merged);
        var @case = _s.Register();

        ((Action)(() => @case.MergeInto(merged, _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.MergeTargetInvalid);
        @case.Status.ShouldBe(CaseStatus.Registered);
    }

    [Fact]
    public void Merge_into_an_unsaved_case_is_a_programming_error()
    {
        var unsaved = GrievanceDesk.Domain.Cases.Case.Register(Intake() with { ReceivedAtUtc = _s.Now }, "GD-X", "Q", 1, _s.As(Desk));
        var @case = _s.Register();

        Should.Throw<InvalidOperationException>(() => @case.MergeInto(unsaved, _s.As(Desk)));
    }

    [Fact]
    public void Repeat_of_an_open_case_is_merged_into_it_and_the_complainant_hears_how_it_stands()
    {
        var original = _s.InStatus(CaseStatus.InProgress);
        original.ClearPendingNotifications();
        var repeat = _s.Register();
        repeat.ClearPendingNotifications();

        repeat.MarkRepeatOf(original, "区市场监管局", _s.As(Desk));

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

        repeat.MarkRepeatOf(original, "区市场监管局", _s.As(Desk));

        repeat.Status.ShouldBe(CaseStatus.Merged);
        repeat.PendingNotifications.ShouldBeEmpty();
    }

    [Fact]
    public void Repeat_of_a_closed_case_stays_in_the_queue_to_be_dispatched()
    {
        var original = _s.InStatus(CaseStatus.Closed);
        var repeat = _s.Register();
        repeat.ClearPendingNotifications();

        repeat.MarkRepeatOf(original, null, _s.As(Desk));

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

        ((Action)(() => @case.MarkRepeatOf(@case, null, _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.RepeatTargetInvalid);
        ((Action)(() => @case.MarkRepeatOf(merged, null, _s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.RepeatTargetInvalid);
        @case.IsRepeat.ShouldBeFalse();
    }
}
