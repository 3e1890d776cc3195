using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Sla;

/// <summary>
/// The pause and extension rule of docs/time-and-deadlines.md: the handle deadline is counted once from the start of the
/// round, with the paused days and the extension days added to the count, and rolled once to a working day.
/// Every expected date below is worked out by hand in the comment beside it (2026 calendar: 国庆节 10-01..10-07,
/// make-up working days Sunday 09-20 and Saturday 10-10).
/// </summary>
public class HandleClockTests
{
    private static readonly WorkingCalendar Calendar = Cst.OfficialCalendar2025And2026;

    /// <summary>信访事项: 60 calendar days to handle, up to 30 calendar days of extension.</summary>
    private static readonly SlaTerms Petition = SlaDefaults.Petition.Terms;

    private static readonly SlaTerms WorkingDayClock = Petition with
    {
        Handle = SlaDuration.WorkingDays(15),
        ExtensionUnit = DurationUnit.WorkingDays,
    };

    private static PausedSpan Paused(string from, string to) => new(Cst.At(from), Cst.At(to));

    [Fact]
    public void Without_pause_or_extension_day_60_in_the_holiday_rolls_to_the_first_working_day()
    {
        // Accepted Fri 08-07. Day 60: 08-07 + 24 = 08-31, + 30 = 09-30 (day 54), + 6 = 10-06 (day 60), in 国庆节.
        // Rolled once: 10-07 is a holiday, 10-08 (Thu) works → 10-08.
        HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-07 10:00"), [], 0).ShouldBe(Cst.EndOf("2026-10-08"));
    }

    [Fact]
    public void A_two_day_pause_inside_National_Day_does_not_count_the_holiday_twice()
    {
        // Paused 10-02 10:00, resumed 10-04 10:00: the dates after 10-02 up to 10-04 are 10-03, 10-04 = 2 calendar days.
        // Count 60 + 2 = 62 from 08-07: 10-06 + 2 = 10-08, a working day → 10-08.
        // (Shifting the rolled 10-08 by 2 days gave 10-10, the make-up Saturday: the holiday was counted twice.)
        var deadline = HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-07 10:00"), [Paused("2026-10-02 10:00", "2026-10-04 10:00")], 0);

        deadline.ShouldBe(Cst.EndOf("2026-10-08"));
    }

    [Fact]
    public void An_extension_is_added_to_the_count_not_to_the_rolled_deadline()
    {
        // Accepted Mon 08-03: day 60 = 10-02 (holiday) → 10-08 unextended.
        // Extended 30 days: count 90 from 08-03: 08-31 (28), 09-30 (58), 10-31 (89), 11-01 (90), a Sunday → Mon 11-02.
        // (Extending the rolled 10-08 by 30 gave Sat 11-07 → 11-09.)
        HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-03 10:00"), [], 30).ShouldBe(Cst.EndOf("2026-11-02"));
    }

    [Fact]
    public void A_pause_and_an_extension_add_up_in_one_count()
    {
        // 08-07 + (60 + 2 paused + 30 extension = 92): 10-06 is day 60, + 32 = 11-07, a Saturday → Mon 11-09.
        var deadline = HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-07 10:00"), [Paused("2026-10-02 10:00", "2026-10-04 10:00")], 30);

        deadline.ShouldBe(Cst.EndOf("2026-11-09"));
    }

    [Fact]
    public void Two_pauses_both_count()
    {
        // 08-10 → 08-12: 2 days; 09-01 → 09-04: 3 days. 08-07 + 65: 10-06 is day 60, + 5 = Sun 10-11
        // (10-10 is the make-up Saturday, 10-11 is not a working day) → Mon 10-12.
        var deadline = HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-07 10:00"),
            [Paused("2026-08-10 10:00", "2026-08-12 16:00"), Paused("2026-09-01 09:00", "2026-09-04 09:00")], 0);

        deadline.ShouldBe(Cst.EndOf("2026-10-12"));
    }

    [Fact]
    public void A_working_day_clock_adds_the_working_days_paused()
    {
        // Accepted Mon 03-02; 15 working days: 03-03..03-06 (4), 03-09..03-13 (9), 03-16..03-20 (14), 03-23 (15).
        // Paused Mon 03-09 → Fri 03-13: 03-10, 03-11, 03-12, 03-13 = 4 working days. 19 working days: 03-24, 25, 26, 27 → Fri 03-27.
        var deadline = HandleClock.Deadline(Calendar, WorkingDayClock, Cst.At("2026-03-02 10:00"), [Paused("2026-03-09 10:00", "2026-03-13 15:00")], 0);

        deadline.ShouldBe(Cst.EndOf("2026-03-27"));
    }

    [Fact]
    public void A_working_day_pause_across_National_Day_credits_only_the_working_days_it_covered()
    {
        // Accepted Tue 09-15; 15 working days: 09-16..09-18 (3), Sun 09-20 make-up (4), 09-21..09-24 (8; 09-25..27 中秋节),
        // 09-28..09-30 (11), 10-08, 10-09 (13), Sat 10-10 make-up (14), Mon 10-12 (15) → 10-12.
        // Paused 09-29 → 10-09: 09-30, 10-08, 10-09 = 3 working days; 18 working days: 10-13, 10-14, 10-15 → 10-15.
        var deadline = HandleClock.Deadline(Calendar, WorkingDayClock, Cst.At("2026-09-15 10:00"), [Paused("2026-09-29 10:00", "2026-10-09 10:00")], 0);

        deadline.ShouldBe(Cst.EndOf("2026-10-15"));
    }

    [Fact]
    public void A_pause_within_one_day_changes_nothing_on_a_day_clock()
    {
        HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-07 10:00"), [Paused("2026-09-01 09:00", "2026-09-01 17:00")], 0)
            .ShouldBe(Cst.EndOf("2026-10-08"));
    }

    [Fact]
    public void A_pause_that_ends_before_it_began_changes_nothing()
    {
        HandleClock.Deadline(Calendar, Petition, Cst.At("2026-08-07 10:00"), [Paused("2026-09-04 09:00", "2026-09-01 09:00")], 0)
            .ShouldBe(Cst.EndOf("2026-10-08"));
    }

    [Fact]
    public void An_hour_clock_moves_by_the_exact_time_paused()
    {
        // 24 hours from 09-30 09:00 = 10-01 09:00; paused 2.5 h → 10-01 11:30 (hours ignore holidays).
        var hours = Petition with { Handle = SlaDuration.Hours(24) };

        HandleClock.Deadline(Calendar, hours, Cst.At("2026-09-30 09:00"), [Paused("2026-09-30 10:00", "2026-09-30 12:30")], 0)
            .ShouldBe(Cst.At("2026-10-01 11:30"));
    }
}
