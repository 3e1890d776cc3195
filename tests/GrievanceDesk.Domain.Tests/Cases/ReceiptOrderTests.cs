using GrievanceDesk.Domain.Cases;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>Nobody can have been contacted about a case, or told its outcome, before the case was received.</summary>
public sealed class ReceiptOrderTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void A_contact_dated_before_the_case_was_received_is_refused_and_leaves_no_trace()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);
        var before = @case.Timeline.Count;

        new Action(() => @case.RecordContact(@case.ReceivedAtUtc.AddSeconds(-1), ContactChannel.Phone, reached: true, "已联系", _s.Step().As(Cadre)))
            .ShouldBeRefusedWith(RuleSlugs.ContactBeforeReceipt);

        @case.Contacts.ShouldBeEmpty();
        @case.Timeline.Count.ShouldBe(before);
    }

    [Fact]
    public void A_contact_at_the_moment_of_receipt_is_taken()
    {
        var @case = _s.InStatus(CaseStatus.Accepted);

        @case.RecordContact(@case.ReceivedAtUtc, ContactChannel.Visit, reached: true, "来访当场沟通", _s.Step().As(Cadre));

        @case.Contacts.ShouldHaveSingleItem().AtUtc.ShouldBe(@case.ReceivedAtUtc);
    }

    [Fact]
    public void Feedback_dated_before_the_case_was_received_is_refused()
    {
        var @case = _s.InStatus(CaseStatus.Resolved);
        var feedback = @case.Feedback.Count;

        new Action(() => @case.RecordFeedback(ContactChannel.Phone, new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), reached: true, "已告知", null, _s.Step().As(Cadre)))
            .ShouldBeRefusedWith(RuleSlugs.FeedbackBeforeReceipt);

        @case.Feedback.Count.ShouldBe(feedback);
    }
}
