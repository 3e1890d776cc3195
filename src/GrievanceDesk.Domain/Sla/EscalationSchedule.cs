using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Sla;

/// <summary>The steps a late case climbs (docs/product.md §4), each taken once per case and deadline.</summary>
public enum EscalationStep
{
    /// <summary>预警: the deadline is near; tell the cadre and the unit leader.</summary>
    Warning,

    /// <summary>超期: the deadline has passed; tell the unit leader.</summary>
    Overdue,

    /// <summary>督办: overdue by the ladder's first step (default 3 working days); the office issues a supervision order.</summary>
    Supervision,

    /// <summary>领导督办: overdue by the ladder's second step (default 10 working days); listed in the briefing.</summary>
    LeaderSupervision,
}

/// <summary>
/// When each escalation step falls due for a deadline, and the inverse the sweep job needs: the latest deadline whose
/// step is due by now, so that one indexed range query (<c>WHERE Deadline &lt;= @cutoff</c>) finds every due case.
/// </summary>
public static class EscalationSchedule
{
    /// <summary>Overdue is the first whole second after the deadline: 00:00:00 CST for a day-counted deadline.</summary>
    public static readonly TimeSpan OverdueAfter = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Warning: the deadline minus <see cref="SlaTerms.WarnBefore"/>. Overdue: the deadline plus <see cref="OverdueAfter"/>.
    /// Supervision and LeaderSupervision: 23:59:59 CST of the n-th working day after the deadline's CST date
    /// (the deadline's own day does not count), i.e. once the case has been late for n whole working days.
    /// </summary>
    public static DateTime DueAt(EscalationStep step, DateTime deadlineUtc, SlaTerms terms, IBusinessCalendar calendar)
    {
        var deadline = ChinaTime.AsUtc(deadlineUtc);
        return step switch
        {
            EscalationStep.Warning => deadline - terms.WarnBefore,
            EscalationStep.Overdue => deadline + OverdueAfter,
            EscalationStep.Supervision => EndOfWorkingDaysAfter(deadline, terms.SupervisionAfterWorkingDays, calendar),
            EscalationStep.LeaderSupervision => EndOfWorkingDaysAfter(deadline, terms.LeaderSupervisionAfterWorkingDays, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown escalation step."),
        };
    }

    /// <summary>
    /// The cutoff C such that, for every deadline D, <c>D &lt;= C</c> exactly when <c>DueAt(step, D) &lt;= now</c>.
    /// Exact to the tick (DueAt never decreases as D grows, and C is the largest D that is due), so store deadlines
    /// at full precision and compare with <c>&lt;=</c>.
    /// </summary>
    public static DateTime LatestDeadlineDue(EscalationStep step, DateTime nowUtc, SlaTerms terms, IBusinessCalendar calendar)
    {
        var now = ChinaTime.AsUtc(nowUtc);
        return step switch
        {
            EscalationStep.Warning => now + terms.WarnBefore,
            EscalationStep.Overdue => now - OverdueAfter,
            EscalationStep.Supervision => LatestDeadlineLateBy(terms.SupervisionAfterWorkingDays, now, calendar),
            EscalationStep.LeaderSupervision => LatestDeadlineLateBy(terms.LeaderSupervisionAfterWorkingDays, now, calendar),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown escalation step."),
        };
    }

    private static DateTime EndOfWorkingDaysAfter(DateTime deadline, int workingDays, IBusinessCalendar calendar) =>
        ChinaTime.EndOfDayUtc(calendar.AddWorkingDays(ChinaTime.DateOf(deadline), workingDays));

    private static DateTime LatestDeadlineLateBy(int workingDays, DateTime now, IBusinessCalendar calendar)
    {
        // The last CST day whose 23:59:59 has been reached: a step is due when its day is no later than this.
        var today = ChinaTime.DateOf(now);
        var lastEndedDay = now >= ChinaTime.EndOfDayUtc(today) ? today : today.AddDays(-1);

        // A deadline dated d is due when AddWorkingDays(d, n) <= lastEndedDay, i.e. when d is earlier than the n-th
        // working day before the day after lastEndedDay. So every deadline before that day's 00:00 CST is due.
        var firstDayNotDue = calendar.SubtractWorkingDays(lastEndedDay.AddDays(1), workingDays);
        return ChinaTime.StartOfDayUtc(firstDayNotDue).AddTicks(-1);
    }
}
