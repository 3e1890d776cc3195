using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Tests.Time;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>The timeline (办理轨迹) is append-only, numbered, and a refused command leaves no trace.</summary>
public sealed class TimelineTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void Timeline_cannot_be_edited_through_the_collection()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        var timeline = (ICollection<TimelineEntry>)@case.Timeline;

        Should.Throw<NotSupportedException>(() => timeline.Clear());
        Should.Throw<NotSupportedException>(() => timeline.Remove(timeline.First()));
        @case.Timeline.Count.ShouldBe(3);
    }

    [Fact]
    public void Every_command_appends_exactly_one_entry_numbered_after_the_last()
    {
        var @case = _s.InStatus(CaseStatus.InProgress);
        var before = @case.Timeline.ToList();

        @case.RequestExtension(3, "等待检测", _s.Step().As(Cadre));

        @case.Timeline.Take(before.Count).ShouldBe(before);
        var added = @case.Timeline.Last();
        added.Sequence.ShouldBe(before.Count + 1);
        added.AtUtc.ShouldBe(_s.Now);
        @case.TimelineCount.ShouldBe(before.Count + 1);
    }

    [Fact]
    public void A_refused_close_leaves_no_trace()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        @case.ClearPendingNotifications();
        var entries = @case.TimelineCount;

        ((Action)(() => @case.Close(_s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.FeedbackRequired);

        @case.TimelineCount.ShouldBe(entries);
        @case.Timeline.Count.ShouldBe(entries);
        @case.PendingNotifications.ShouldBeEmpty();
        @case.CloseReason.ShouldBeNull();
    }

    [Fact]
    public void Entries_record_who_acted()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);

        @case.Timeline.Select(e => e.ActorUserName).ShouldBe([Desk.UserName, Dispatcher.UserName, Cadre.UserName]);
        @case.Timeline.Select(e => e.ActorName).ShouldBe([Desk.DisplayName, Dispatcher.DisplayName, Cadre.DisplayName]);
    }

    [Fact]
    public void Context_treats_an_unspecified_time_as_UTC()
    {
        var read = DateTime.SpecifyKind(Cst.At("2026-03-02 09:00"), DateTimeKind.Unspecified);

        var ctx = new CaseContext(read, Actor.System, Calendar, Terms);

        ctx.NowUtc.Kind.ShouldBe(DateTimeKind.Utc);
        ctx.NowUtc.ShouldBe(Cst.At("2026-03-02 09:00"));
        (ctx with { NowUtc = read.AddHours(1) }).NowUtc.Kind.ShouldBe(DateTimeKind.Utc);
    }
}
