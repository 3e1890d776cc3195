using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Sla;

/// <summary>
/// The seeded policies as a case meets them: the selector picks one for the case's track, category and urgency, and
/// its terms give the deadlines worked out by hand in the tables below (CST wall clock; holidays and 调休 working days
/// from the State Council's 2026 notice: 春节 02-15…02-23 with 02-14 and 02-28 worked, 中秋 09-25…09-27, 国庆
/// 10-01…10-07 with 09-20 and 10-10 worked). A date alone means the end of that day (23:59:59 CST).
/// </summary>
public sealed class SlaDefaultsTests
{
    private const int UrbanConstruction = 1; // 城乡建设
    private const int Utilities = 12; // 城乡建设/水电气热, the seed's CSJS-SDQR
    private const int HeatingOutage = 121; // a sub-category of 水电气热
    private const int Labour = 2; // 劳动和社会保障

    private static readonly WorkingCalendar Calendar = Cst.OfficialCalendar2025And2026;

    private static readonly IReadOnlyList<SlaPolicy> Seeded = [.. SlaDefaults.Policies.Select((seed, i) =>
    {
        var policy = seed.ToPolicy(seed.CategoryCode == SlaDefaults.UtilitiesCategoryCode ? Utilities : null);
        policy.Id = i + 1;
        return policy;
    })];

    [Theory]
    // Utilities on the hotline: dispatched within 2 hours, even on National Day; contact within 24.
    [InlineData(SlaTrack.Hotline, Utilities, Urgency.Normal, "2026-10-01 09:30", "接诉即办（水电气热）", "2026-10-01 11:30", "2026-10-02 09:30")]
    // A sub-category inherits its parent's policy; hours run through midnight and the Spring Festival.
    [InlineData(SlaTrack.Hotline, HeatingOutage, Urgency.Normal, "2026-02-16 22:15", "接诉即办（水电气热）", "2026-02-17 00:15", "2026-02-17 22:15")]
    // An urgent utilities case falls through to the urgent policy and keeps its 1 hour.
    [InlineData(SlaTrack.Hotline, Utilities, Urgency.Urgent, "2026-10-01 09:30", "接诉即办（紧急）", "2026-10-01 10:30", "2026-10-01 11:30")]
    [InlineData(SlaTrack.Hotline, Labour, Urgency.Urgent, "2026-12-31 23:30", "接诉即办（紧急）", "2027-01-01 00:30", "2027-01-01 01:30")]
    [InlineData(SlaTrack.Hotline, Labour, Urgency.Normal, "2026-02-13 18:00", "接诉即办（一般）", "2026-02-14 18:00", "2026-02-14 18:00")]
    // A petition: 15 calendar days, whatever its category or urgency; no first-contact clock.
    [InlineData(SlaTrack.Petition, Utilities, Urgency.Urgent, "2026-09-30 10:00", "信访事项（普通）", "2026-10-15", null)]
    // Day 15 (02-16) is in the Spring Festival: rolled to the first working day after it.
    [InlineData(SlaTrack.Petition, Labour, Urgency.Normal, "2026-02-01 10:00", "信访事项（普通）", "2026-02-24", null)]
    public void A_case_gets_the_seeded_policy_for_its_track_category_and_urgency_and_its_first_deadlines(
        SlaTrack track, int category, Urgency urgency, string received, string policy, string accept, string? contact)
    {
        var terms = Chosen(track, category, urgency, policy);

        Calendar.DeadlineFrom(Cst.At(received), terms.Accept).ShouldBe(Expected(accept));
        (terms.Contact is { } c ? Calendar.DeadlineFrom(Cst.At(received), c) : (DateTime?)null).ShouldBe(contact is null ? null : Expected(contact));
    }

    [Theory]
    // Hotline: 7 days from acceptance (02-20, a holiday, rolls to 02-24); with the full 8 more, 02-28 is a worked Saturday.
    [InlineData(SlaTrack.Hotline, Labour, "2026-02-13 18:00", "2026-02-24", "2026-02-28")]
    // Petition: 60 days from acceptance (10-02, National Day, rolls to 10-08); with the full 30 more, 11-01 is a Sunday.
    [InlineData(SlaTrack.Petition, Labour, "2026-08-03 10:00", "2026-10-08", "2026-11-02")]
    public void Handling_is_counted_from_acceptance_and_may_be_extended_to_the_policy_cap(SlaTrack track, int category, string accepted, string handle, string extended)
    {
        var terms = Chosen(track, category, Urgency.Normal, policy: null);

        Calendar.DeadlineFrom(Cst.At(accepted), terms.Handle).ShouldBe(Expected(handle));
        HandleClock.Deadline(Calendar, terms, Cst.At(accepted), [], terms.MaxExtensionDays).ShouldBe(Expected(extended));
    }

    [Theory]
    // Hotline: the next working day; after 09-30 that is 10-08, past National Day.
    [InlineData(SlaTrack.Hotline, "2026-09-30 16:00", "2026-10-08")]
    // Petition: 5 working days; the Sunday 09-20 is worked, then 09-21…09-24; 中秋 starts 09-25.
    [InlineData(SlaTrack.Petition, "2026-09-18 16:00", "2026-09-24")]
    public void The_complainant_is_told_within_the_policys_working_days_after_resolution(SlaTrack track, string resolved, string feedback)
    {
        var terms = Chosen(track, Labour, Urgency.Normal, policy: null);

        Calendar.DeadlineFrom(Cst.At(resolved), terms.Feedback).ShouldBe(Expected(feedback));
    }

    private static SlaTerms Chosen(SlaTrack track, int category, Urgency urgency, string? policy)
    {
        var chosen = SlaPolicySelector.Select(Seeded, track, Ancestry(category), urgency);
        if (policy is not null)
        {
            chosen.Name.ShouldBe(policy);
        }

        return chosen.Terms;
    }

    private static int[] Ancestry(int category) => category switch
    {
        HeatingOutage => [HeatingOutage, Utilities, UrbanConstruction],
        Utilities => [Utilities, UrbanConstruction],
        _ => [category],
    };

    private static DateTime Expected(string cst) => cst.Length == 10 ? Cst.EndOf(cst) : Cst.At(cst);
}
