using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Sla;

/// <summary>A seed SLA policy. The category is named by its code; the seeder maps code → id.</summary>
public sealed record SlaPolicyDefault(string Name, SlaTrack Track, string? CategoryCode, Urgency? Urgency, SlaTerms Terms)
{
    public SlaPolicy ToPolicy(int? categoryId) => new(Name, Track, categoryId, Urgency, Terms);
}

/// <summary>
/// The SLA policies seeded in a new installation (docs/product.md §4). Whether a clock counts calendar or working days is
/// chosen here, as data: the law's 日 are calendar days and its 工作日 working days, and admins may read them otherwise.
/// </summary>
public static class SlaDefaults
{
    /// <summary>城乡建设/水电气热: water, power, gas and heating, dispatched within 2 hours on the hotline.</summary>
    public const string UtilitiesCategoryCode = "CSJS-SDQR";

    /// <summary>信访事项: 信访工作条例 (2022) arts. 22–36.</summary>
    public static SlaPolicyDefault Petition { get; } = new(
        "信访事项（普通）",
        SlaTrack.Petition,
        CategoryCode: null,
        Urgency: null,
        new SlaTerms(
            // Art. 22: register, route and tell the petitioner within 15日 of receipt.
            Accept: SlaDuration.CalendarDays(15),
            // The regulation sets no separate first-contact period.
            Contact: null,
            // Art. 34: 60日 from acceptance.
            Handle: SlaDuration.CalendarDays(60),
            // 书面答复 after the decision: office practice, not the regulation.
            Feedback: SlaDuration.WorkingDays(5),
            // Art. 34: complex cases up to 30日 more, approved by the unit head, the reason told to the petitioner.
            MaxExtensionDays: 30,
            ExtensionUnit: DurationUnit.CalendarDays,
            WarnBefore: TimeSpan.FromHours(72)));

    /// <summary>接诉即办, general: Beijing's 12345 practice (DB11/T 2021—2022).</summary>
    public static SlaPolicyDefault HotlineGeneral { get; } = new(
        "接诉即办（一般）",
        SlaTrack.Hotline,
        CategoryCode: null,
        Urgency: null,
        HotlineTerms(accept: SlaDuration.Hours(24), contact: SlaDuration.Hours(24)));

    /// <summary>接诉即办, urgent: dispatch within 1 hour, contact within 2.</summary>
    public static SlaPolicyDefault HotlineUrgent { get; } = new(
        "接诉即办（紧急）",
        SlaTrack.Hotline,
        CategoryCode: null,
        Urgency.Urgent,
        HotlineTerms(accept: SlaDuration.Hours(1), contact: SlaDuration.Hours(2)));

    /// <summary>
    /// 接诉即办, water/power/gas/heating: dispatch within 2 hours. Normal urgency only, so an urgent utilities case
    /// falls through to <see cref="HotlineUrgent"/> and keeps its 1 hour.
    /// </summary>
    public static SlaPolicyDefault HotlineUtilities { get; } = new(
        "接诉即办（水电气热）",
        SlaTrack.Hotline,
        UtilitiesCategoryCode,
        Urgency.Normal,
        HotlineTerms(accept: SlaDuration.Hours(2), contact: SlaDuration.Hours(24)));

    public static IReadOnlyList<SlaPolicyDefault> Policies { get; } = [Petition, HotlineGeneral, HotlineUrgent, HotlineUtilities];

    private static SlaTerms HotlineTerms(SlaDuration accept, SlaDuration contact) => new(
        Accept: accept,
        Contact: contact,
        // Answer within 7日 ...
        Handle: SlaDuration.CalendarDays(7),
        // ... then tell the complainant by the next working day.
        Feedback: SlaDuration.WorkingDays(1),
        // ... complex cases within 15日 in all: 7 + 8.
        MaxExtensionDays: 8,
        ExtensionUnit: DurationUnit.CalendarDays,
        WarnBefore: TimeSpan.FromHours(4));
}
