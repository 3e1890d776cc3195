using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Sla;

public class SlaDefaultsTests
{
    private static readonly WorkingCalendar Calendar = Cst.OfficialCalendar2025And2026;

    [Fact]
    public void Every_seed_policy_is_a_valid_policy()
    {
        foreach (var seed in SlaDefaults.Policies)
        {
            var policy = seed.ToPolicy(categoryId: null);

            policy.Terms.ShouldBe(seed.Terms);
            policy.Name.ShouldBe(seed.Name);
        }
    }

    [Fact]
    public void A_petition_received_before_National_Day_must_be_accepted_within_15_days()
    {
        var accept = Calendar.DeadlineFrom(Cst.At("2026-09-30 10:00"), SlaDefaults.Petition.Terms.Accept);

        accept.ShouldBe(Cst.EndOf("2026-10-15"));
    }

    [Fact]
    public void A_petition_is_handled_within_60_days_of_acceptance_and_may_be_extended_30()
    {
        var terms = SlaDefaults.Petition.Terms;
        var handle = Calendar.DeadlineFrom(Cst.At("2026-08-03 10:00"), terms.Handle);

        handle.ShouldBe(Cst.EndOf("2026-10-08")); // day 60 is 10-02, in the holiday
        // The extension is added to the count (90 days from 08-03 = Sunday 11-01), then rolled once: Monday 11-02.
        HandleClock.Deadline(Calendar, terms, Cst.At("2026-08-03 10:00"), [], terms.MaxExtensionDays).ShouldBe(Cst.EndOf("2026-11-02"));
    }

    [Fact]
    public void A_complex_hotline_case_gets_15_days_in_all()
    {
        var terms = SlaDefaults.HotlineGeneral.Terms;

        (terms.Handle.Amount + terms.MaxExtensionDays).ShouldBe(15);
        terms.Handle.Unit.ShouldBe(terms.ExtensionUnit);
    }

    [Fact]
    public void Hotline_clocks_are_in_hours_and_urgent_ones_are_shorter()
    {
        SlaDefaults.HotlineGeneral.Terms.Accept.ShouldBe(SlaDuration.Hours(24));
        SlaDefaults.HotlineGeneral.Terms.Contact.ShouldBe(SlaDuration.Hours(24));
        SlaDefaults.HotlineUrgent.Terms.Accept.ShouldBe(SlaDuration.Hours(1));
        SlaDefaults.HotlineUrgent.Terms.Contact.ShouldBe(SlaDuration.Hours(2));
        SlaDefaults.HotlineUrgent.Urgency.ShouldBe(Urgency.Urgent);
        SlaDefaults.HotlineUtilities.CategoryCode.ShouldBe("CSJS-SDQR");
        SlaDefaults.HotlineUtilities.Terms.Accept.ShouldBe(SlaDuration.Hours(2));
    }
}
