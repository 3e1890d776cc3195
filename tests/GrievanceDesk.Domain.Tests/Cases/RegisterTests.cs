using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Tests.Time;
using Case = GrievanceDesk.Domain.Cases.Case;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

public sealed class RegisterTests
{
    private readonly CaseScenario _s = new();

    [Fact]
    public void Register_puts_the_case_in_the_dispatcher_queue_with_its_intake_fields()
    {
        var @case = Case.Register(Intake() with { ReceivedAtUtc = _s.Now.AddDays(-3) }, " GD20260302-0001 ", "A1B2C3", 4, _s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.Registered);
        @case.TrackingNo.ShouldBe("GD20260302-0001");
        @case.QueryCode.ShouldBe("A1B2C3");
        @case.SlaPolicyId.ShouldBe(4);
        @case.ReceivedAtUtc.ShouldBe(_s.Now.AddDays(-3));
        @case.RegisteredAtUtc.ShouldBe(_s.Now);
        @case.HandleRound.ShouldBe(1);
        @case.UnitId.ShouldBeNull();
        @case.Subject.ShouldBe("小区楼下餐馆油烟扰民");
        var complainant = @case.Complainants.ShouldHaveSingleItem();
        complainant.Name.ShouldBe("张三");
        complainant.Phone.ShouldBe("13812345678");
        complainant.IdNumber.ShouldBe("110101199003071234");
    }

    [Fact]
    public void Register_counts_the_accept_deadline_from_receipt_and_rolls_it_past_the_National_Day_holiday()
    {
        // Received 2026-09-20; 15 calendar days end on 10-05, a holiday; the next working day is 10-08.
        var s = new CaseScenario("2026-09-22 10:00");

        var @case = s.Register(Intake(receivedAtUtc: Cst.At("2026-09-20 16:00")));

        @case.AcceptDeadlineUtc.ShouldBe(Cst.EndOf("2026-10-08"));
    }

    [Fact]
    public void Register_refuses_a_received_time_in_the_future()
    {
        ((Action)(() => _s.Register(Intake(receivedAtUtc: _s.Now.AddMinutes(1))))).ShouldBeRefusedWith(RuleSlugs.ReceivedInFuture);
    }

    [Fact]
    public void Register_requires_a_complainant_unless_anonymous()
    {
        ((Action)(() => _s.Register(Intake() with { Complainants = [] }))).ShouldBeRefusedWith(RuleSlugs.ComplainantRequired);
    }

    [Fact]
    public void Register_refuses_complainants_on_an_anonymous_case()
    {
        ((Action)(() => _s.Register(Intake(anonymous: true) with { Complainants = [new NewComplainant("李四")] })))
            .ShouldBeRefusedWith(RuleSlugs.AnonymousWithComplainant);
    }

    [Fact]
    public void Register_accepts_an_anonymous_case_without_complainants()
    {
        var @case = _s.Register(Intake(anonymous: true));

        @case.IsAnonymous.ShouldBeTrue();
        @case.Complainants.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Register_refuses_a_head_count_below_one(int headCount)
    {
        ((Action)(() => _s.Register(Intake(headCount: headCount)))).ShouldBeRefusedWith(RuleSlugs.HeadCountInvalid);
    }

    [Theory]
    [InlineData("", "内容")]
    [InlineData("标题", "   ")]
    public void Register_requires_subject_and_content(string subject, string content)
    {
        ((Action)(() => _s.Register(Intake(subject: subject, content: content)))).ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void Register_requires_each_complainant_to_have_a_name()
    {
        ((Action)(() => _s.Register(Intake() with { Complainants = [new NewComplainant(" ", "13800000000")] })))
            .ShouldBeRefusedWith(RuleSlugs.TextRequired);
    }

    [Fact]
    public void Collective_petition_is_forced_urgent_and_notifies_leaders_at_once()
    {
        var @case = _s.Register(Intake(headCount: 5, urgency: Urgency.Normal));

        @case.IsCollective.ShouldBeTrue();
        @case.Urgency.ShouldBe(Urgency.Urgent);
        var leaders = @case.PendingNotifications.Where(n => n.Audience == NotificationAudience.Leaders).ShouldHaveSingleItem();
        leaders.Template.ShouldBe(NotificationTemplates.CollectivePetition);
        leaders.Text.ShouldContain(@case.TrackingNo);
        leaders.Text.ShouldContain("5人");
        @case.Timeline.ShouldHaveSingleItem().Summary.ShouldContain("集体访");
    }

    [Fact]
    public void Four_people_are_not_a_collective_petition()
    {
        var @case = _s.Register(Intake(headCount: 4));

        @case.IsCollective.ShouldBeFalse();
        @case.Urgency.ShouldBe(Urgency.Normal);
        @case.PendingNotifications.ShouldNotContain(n => n.Audience == NotificationAudience.Leaders);
    }

    [Fact]
    public void Register_sends_the_complainant_the_tracking_number_and_query_code()
    {
        var @case = _s.Register();

        var sms = @case.PendingNotifications.ShouldHaveSingleItem();
        sms.Audience.ShouldBe(NotificationAudience.Complainant);
        sms.Template.ShouldBe(NotificationTemplates.CaseRegistered);
        sms.Text.ShouldContain(@case.TrackingNo);
        sms.Text.ShouldContain(@case.QueryCode);
    }

    [Fact]
    public void Register_tells_nobody_on_an_anonymous_case()
    {
        _s.Register(Intake(anonymous: true)).PendingNotifications.ShouldBeEmpty();
    }

    [Fact]
    public void Register_writes_a_public_first_timeline_entry_with_the_accept_deadline()
    {
        var @case = _s.Register();

        var entry = @case.Timeline.ShouldHaveSingleItem();
        entry.Sequence.ShouldBe(1);
        entry.Action.ShouldBe(TimelineActions.Registered);
        entry.IsPublic.ShouldBeTrue();
        entry.ActorUserName.ShouldBe(Desk.UserName);
        entry.ActorName.ShouldBe(Desk.DisplayName);
        entry.AtUtc.ShouldBe(_s.Now);
        entry.Summary.ShouldBe("登记来电诉求，受理时限至2026-03-17 23:59");
    }

    [Fact]
    public void Clearing_pending_notifications_empties_the_list()
    {
        var @case = _s.Register();

        @case.ClearPendingNotifications();

        @case.PendingNotifications.ShouldBeEmpty();
    }
}
