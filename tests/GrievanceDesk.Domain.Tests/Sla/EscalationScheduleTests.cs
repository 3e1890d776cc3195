using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Sla;

public class EscalationScheduleTests
{
    private static readonly WorkingCalendar Calendar = Cst.OfficialCalendar2025And2026;
    private static readonly SlaTerms Petition = SlaDefaults.Petition.Terms; // warn 72 h, ladder 3 / 10
    private static readonly SlaTerms Hotline = SlaDefaults.HotlineGeneral.Terms; // warn 4 h
    private static readonly SlaTerms ShortLadder = Hotline with { SupervisionAfterWorkingDays = 1, LeaderSupervisionAfterWorkingDays = 2 };

    [Theory]
    [InlineData(EscalationStep.Warning, "2026-09-27 23:59:59")]
    [InlineData(EscalationStep.Overdue, "2026-10-01 00:00:00")]
    [InlineData(EscalationStep.Supervision, "2026-10-10 23:59:59")] // 10-08, 10-09, make-up Saturday 10-10
    [InlineData(EscalationStep.LeaderSupervision, "2026-10-20 23:59:59")] // 10-08 … 10-20: ten working days
    public void Steps_for_a_deadline_on_the_eve_of_National_Day_fall_due(EscalationStep step, string dueCst) =>
        EscalationSchedule.DueAt(step, Cst.EndOf("2026-09-30"), Petition, Calendar).ShouldBe(Cst.At(dueCst));

    [Fact]
    public void Supervision_of_an_hour_deadline_counts_working_days_from_its_CST_date()
    {
        var saturdayMorning = Cst.At("2026-03-07 10:00");

        EscalationSchedule.DueAt(EscalationStep.Supervision, saturdayMorning, Petition, Calendar).ShouldBe(Cst.EndOf("2026-03-11"));
        EscalationSchedule.DueAt(EscalationStep.Warning, saturdayMorning, Hotline, Calendar).ShouldBe(Cst.At("2026-03-07 06:00"));
    }

    [Fact]
    public void A_deadline_on_the_eve_of_National_Day_is_under_supervision_from_the_last_second_of_the_make_up_Saturday()
    {
        var justBefore = EscalationSchedule.LatestDeadlineDue(EscalationStep.Supervision, Cst.At("2026-10-10 23:59:58"), Petition, Calendar);
        var atDue = EscalationSchedule.LatestDeadlineDue(EscalationStep.Supervision, Cst.At("2026-10-10 23:59:59"), Petition, Calendar);

        (Cst.EndOf("2026-09-30") <= justBefore).ShouldBeFalse();
        (Cst.EndOf("2026-09-30") <= atDue).ShouldBeTrue();
        atDue.ShouldBe(Cst.At("2026-10-07 23:59:59.9999999")); // deadlines dated 10-08 are not yet 3 working days late
    }

    public static TheoryData<EscalationStep, string> StepsAndTerms()
    {
        var data = new TheoryData<EscalationStep, string>();
        foreach (var step in Enum.GetValues<EscalationStep>())
        {
            foreach (var terms in new[] { nameof(Petition), nameof(Hotline), nameof(ShortLadder) })
            {
                data.Add(step, terms);
            }
        }

        return data;
    }

    /// <summary>
    /// The sweep's contract: <c>D &lt;= LatestDeadlineDue(now)</c> ⟺ <c>DueAt(D) &lt;= now</c>, checked for every
    /// pair of a "now" and a deadline around each holiday season, at midnight CST and a tick either side of it.
    /// </summary>
    [Theory]
    [MemberData(nameof(StepsAndTerms))]
    public void The_cutoff_selects_exactly_the_deadlines_whose_step_is_due(EscalationStep step, string termsName)
    {
        var terms = TermsNamed(termsName);
        var mismatches = new List<string>();

        foreach (var (first, last) in Seasons)
        {
            var deadlines = Instants(first.AddDays(-20), last).ToList();
            foreach (var now in Instants(first, last))
            {
                var cutoff = EscalationSchedule.LatestDeadlineDue(step, now, terms, Calendar);
                foreach (var deadline in deadlines)
                {
                    var selected = deadline <= cutoff;
                    var due = EscalationSchedule.DueAt(step, deadline, terms, Calendar) <= now;
                    if (selected != due)
                    {
                        mismatches.Add($"now {ChinaTime.ToOffset(now):O}, deadline {ChinaTime.ToOffset(deadline):O}: selected {selected}, due {due}");
                    }
                }
            }
        }

        mismatches.Take(10).ShouldBeEmpty();
    }

    /// <summary>The cutoff is itself due and one tick later is not: it is the largest due deadline, not just a safe one.</summary>
    [Theory]
    [MemberData(nameof(StepsAndTerms))]
    public void The_cutoff_is_the_latest_deadline_that_is_due(EscalationStep step, string termsName)
    {
        var terms = TermsNamed(termsName);
        var mismatches = new List<string>();

        foreach (var (first, last) in Seasons)
        {
            foreach (var now in Instants(first, last))
            {
                var cutoff = EscalationSchedule.LatestDeadlineDue(step, now, terms, Calendar);
                if (EscalationSchedule.DueAt(step, cutoff, terms, Calendar) > now
                    || EscalationSchedule.DueAt(step, cutoff.AddTicks(1), terms, Calendar) <= now)
                {
                    mismatches.Add($"now {ChinaTime.ToOffset(now):O}, cutoff {ChinaTime.ToOffset(cutoff):O}");
                }
            }
        }

        mismatches.Take(10).ShouldBeEmpty();
    }

    // Around every make-up working day and long holiday of both years, and an ordinary stretch.
    private static readonly (DateOnly First, DateOnly Last)[] Seasons =
    [
        (new(2024, 12, 25), new(2025, 2, 15)),
        (new(2025, 4, 20), new(2025, 6, 10)),
        (new(2025, 9, 20), new(2025, 10, 20)),
        (new(2025, 12, 25), new(2026, 3, 5)),
        (new(2026, 4, 1), new(2026, 4, 10)),
        (new(2026, 4, 28), new(2026, 5, 12)),
        (new(2026, 6, 15), new(2026, 6, 25)),
        (new(2026, 9, 15), new(2026, 10, 25)),
        (new(2026, 11, 2), new(2026, 11, 9)),
    ];

    // Both sides of midnight CST and of 23:59:59 (where day deadlines and supervision fall), plus odd daytime instants.
    private static readonly TimeSpan[] TimesOfDay =
    [
        TimeSpan.Zero,
        TimeSpan.FromTicks(1),
        new(0, 0, 1),
        new(0, 9, 30, 15, 500),
        new(0, 17, 45, 0),
        new TimeSpan(0, 23, 59, 59) - TimeSpan.FromTicks(1),
        new(0, 23, 59, 59),
        new TimeSpan(0, 23, 59, 59) + TimeSpan.FromTicks(1),
        new TimeSpan(1, 0, 0, 0) - TimeSpan.FromTicks(1),
    ];

    private static IEnumerable<DateTime> Instants(DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            foreach (var time in TimesOfDay)
            {
                yield return ChinaTime.StartOfDayUtc(date) + time;
            }
        }
    }

    private static SlaTerms TermsNamed(string name) => name switch
    {
        nameof(Petition) => Petition,
        nameof(Hotline) => Hotline,
        _ => ShortLadder,
    };
}
