using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Infrastructure.Seeding;

// The parts of an office's past that are not one case's own life: the escalation ladder climbed at the instants its
// steps fell due (not all at once by the first sweep after the seed), repeats and duplicates of earlier cases, and a
// last week whose briefing has a collective petition and a dissatisfied return visit to report.
internal sealed partial class DemoCaseSeeder
{
    private readonly List<(Case Case, EscalationRecord Step)> _escalations = [];
    private readonly HashSet<(EscalationStep Step, DateTime Deadline)> _taken = [];
    private (Case Case, IBusinessCalendar Calendar, SlaTerms Terms, DateTime UpTo)? _escalating;

    /// <summary>
    /// The context factory for a case's life that first climbs the ladder up to the step's instant, as the sweep
    /// running every few minutes would have: each step dated when it fell due (or when a change made it due).
    /// </summary>
    private Func<DateTime, Actor, CaseContext> Escalating(Case c, DateTime from, DateTime now, IBusinessCalendar calendar, SlaTerms terms, Func<DateTime, Actor, CaseContext> at)
    {
        BeginEscalating(c, from, calendar, terms);
        return (t, who) =>
        {
            EscalateUpTo(t < now ? t : now);
            return at(t, who);
        };
    }

    /// <summary>From here on, <see cref="EscalateUpTo"/> climbs the ladder of <paramref name="c"/>, from <paramref name="from"/>.</summary>
    private void BeginEscalating(Case c, DateTime from, IBusinessCalendar calendar, SlaTerms terms)
    {
        _taken.Clear();
        _escalating = (c, calendar, terms, from);
    }

    /// <summary>Takes, through the sweep's own step, every step of the case's current deadline due by <paramref name="to"/>.</summary>
    private void EscalateUpTo(DateTime to)
    {
        if (_escalating is not var (c, calendar, terms, from) || to <= from)
        {
            return;
        }

        _escalating = (c, calendar, terms, to);
        if (c.IsPaused || c.CurrentDeadlineUtc is not { } deadline)
        {
            return; // the sweep waits for a paused case, and a closed or merged one has no deadline
        }

        foreach (var step in EscalationSweep.Ladder)
        {
            var due = EscalationSchedule.DueAt(step, deadline, terms, calendar);
            if (due > to)
            {
                break;
            }

            var at = due > from ? due : from;
            if (EscalationSweep.Announces(step, deadline, at) && _taken.Add((step, deadline)))
            {
                _escalations.Add((c, EscalationSweep.TakeStep(c, deadline, step, new CaseContext(at, Actor.System, calendar, terms))));
            }
        }
    }

    /// <summary>Saves the cases, then the escalation records that keep the sweep from taking the same steps again.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (_escalations.Count == 0)
        {
            return;
        }

        db.Escalations.AddRange(_escalations.Select(e => e.Step.ForCase(e.Case.Id)));
        _escalations.Clear();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Repeats and duplicates, made by the aggregate's own methods on cases already seeded: a second call about a case
    /// still open is merged into it (合并); a repeat of an open case joins it (重复件，并入原件); a repeat after the close
    /// is a new round (重复件) and lives its own life. Then the last full week gets a collective petition and a
    /// dissatisfied return visit, so that each section of its briefing has something to show.
    /// </summary>
    private async Task SeedOfficePastAsync(int count, DateTime now, IBusinessCalendar calendar, Dictionary<int, SlaTerms> policies,
        List<Unit> units, Dictionary<int, List<DemoUsers.DemoUser>> cadres, CancellationToken ct)
    {
        var seeded = db.Cases.Local.Where(c => !c.IsAnonymous && c.Status != CaseStatus.Merged).OrderBy(c => c.Id).ToList();
        if (seeded.Count == 0)
        {
            return;
        }

        var open = seeded.Where(c => c.IsOpen && c.RegisteredAtUtc < now.AddDays(-2)).ToList();
        var closed = seeded.Where(c => c.Status == CaseStatus.Closed && c.ClosedAtUtc < now.AddDays(-2)).ToList();
        var rounds = Math.Max(1, count / 40);
        var made = 0;
        var duplicated = Sample(open, rounds);
        foreach (var original in duplicated)
        {
            var duplicate = await RegisterLike(original, Later(original.RegisteredAtUtc, 1, 48, now), "再次来电反映：", 1, policies, calendar, ct);
            duplicate.MergeInto(original, (original.UnitId is { } heldBy ? (await reference.GetAsync(ct)).UnitAncestry(heldBy) : []), Context(duplicate, duplicate.RegisteredAtUtc.AddMinutes(20), Dispatcher, policies, calendar));
            duplicate.ClearPendingNotifications();
            made++;
        }

        foreach (var original in Sample([.. open.Except(duplicated)], Math.Max(1, rounds / 2)))
        {
            await MarkRepeat(original, Later(original.RegisteredAtUtc, 48, 200, now));
        }

        foreach (var original in Sample(closed, rounds))
        {
            var repeat = await MarkRepeat(original, Later(original.ClosedAtUtc!.Value, 24, 240, now));
            await LiveOn(repeat, repeat.RegisteredAtUtc.AddMinutes(30));
        }

        await SaveAsync(ct);

        var lastWeek = BriefingWeek.At(now).Previous;
        var weekStart = ChinaTime.StartOfDayUtc(lastWeek.Monday);
        var model = seeded.Where(c => c.ReceivedAtUtc >= weekStart && c.ReceivedAtUtc < lastWeek.EndUtc).ElementAtOrDefault(0) ?? seeded[0];
        var collective = await RegisterLike(model, OfficeHours(weekStart.AddDays(_rng.Next(0, 5))), "群众集体反映：", _rng.Next(12, 36), policies, calendar, ct);
        await LiveOn(collective, collective.RegisteredAtUtc.AddMinutes(1));
        made++;

        // A repeat (重复访) received last week, of a case closed before it: a new round of the same problem.
        if (closed.Where(c => c.ClosedAtUtc < weekStart.AddDays(2)).MaxBy(c => c.ClosedAtUtc) is { } closedBefore)
        {
            var since = closedBefore.ClosedAtUtc!.Value > weekStart ? closedBefore.ClosedAtUtc.Value : weekStart;
            var repeat = await MarkRepeat(closedBefore, Later(since, 6, 72, lastWeek.EndUtc.AddHours(-2)));
            await LiveOn(repeat, repeat.RegisteredAtUtc.AddMinutes(30));
        }

        // A case handled and closed before last week, visited in it: the complainant is dissatisfied, the case reopened.
        if (seeded.FirstOrDefault(c => c.UnitId is { } unit && cadres.ContainsKey(unit) && c.Kind != CaseKind.Consultation) is { } similar)
        {
            try
            {
                await HandledThenDissatisfied(similar, weekStart, lastWeek.EndUtc);
                made++;
            }
            catch (DomainRuleException e)
            {
                log.LogWarning("The demo's dissatisfied return visit of last week was refused: {Reason}", e.Message);
            }
        }

        await SaveAsync(ct);
        log.LogInformation("Seeded {Count} repeats, duplicates and showcase cases of the last week", made);

        async Task<Case> MarkRepeat(Case original, DateTime received)
        {
            var repeat = await RegisterLike(original, received, "重复反映：", 1, policies, calendar, ct);
            var unitName = units.FirstOrDefault(u => u.Id == original.UnitId)?.Name;
            repeat.MarkRepeatOf(original, unitName, (original.UnitId is { } heldBy ? (await reference.GetAsync(ct)).UnitAncestry(heldBy) : []), Context(repeat, received.AddMinutes(25), Dispatcher, policies, calendar));
            repeat.ClearPendingNotifications();
            original.ClearPendingNotifications();
            made++;
            return repeat;
        }

        // Every step by the aggregate, with the ladder climbed between them; only the course is set, not left to chance.
        async Task HandledThenDissatisfied(Case similar, DateTime weekStart, DateTime weekEnd)
        {
            var unitId = similar.UnitId!.Value;
            var people = cadres[unitId];
            var cadre = people.First(p => p.Roles.Contains(Roles.Cadre) || p.Roles.Contains(Roles.UnitLeader));
            var head = people.FirstOrDefault(p => p.Roles.Contains(Roles.UnitLeader)) ?? cadre;
            var unitActor = new Actor(cadre.UserName, cadre.DisplayName, unitId);
            var c = await RegisterLike(similar, OfficeHours(weekStart.AddDays(-12)), string.Empty, 1, policies, calendar, ct);
            var t = c.RegisteredAtUtc;
            BeginEscalating(c, t, calendar, policies[c.SlaPolicyId]);
            CaseContext After(double hours, Actor who)
            {
                t = t.AddHours(hours);
                EscalateUpTo(t);
                return Context(c, t, who, policies, calendar);
            }

            c.Dispatch(unitId, (await reference.GetAsync(ct)).UnitAncestry(unitId), null, "人工派单", After(1, Dispatcher));
            c.Assign(cadre.UserName, After(2, new Actor(head.UserName, head.DisplayName, unitId)));
            c.Accept(After(1, unitActor));
            c.RecordContact(t.AddHours(3), ContactChannel.Phone, reached: true, "电话联系诉求人，了解具体情况。", After(3, unitActor));
            c.RecordProgress("已到现场核实，正在协调相关方解决。", After(24, unitActor));
            c.Resolve(Outcome.Resolved, "经协调，问题已处理完毕。", After(26, unitActor));
            c.RecordFeedback(ContactChannel.Phone, t.AddHours(5), true, "已电话告知办理结果。", "表示认可。", After(5, unitActor));
            c.Close(After(20, Desk));
            var visit = Later(weekStart > t ? weekStart : t, 24, 72, weekEnd.AddHours(-2));
            c.RecordReturnVisit(Satisfaction.Dissatisfied, solved: false, "诉求人表示问题仍未解决，对办理结果不满意，要求重新办理。", After((visit - t).TotalHours, Desk));
            EscalateUpTo(now);
            c.ClearPendingNotifications();
        }

        async Task LiveOn(Case c, DateTime from)
        {
            try
            {
                await Live(c, from, now, Escalating(c, from, now, calendar, policies[c.SlaPolicyId], (t, who) => Context(c, t, who, policies, calendar)), units, cadres, ct);
            }
            catch (DomainRuleException)
            {
                // As for every demo case: a step the rules refuse does not happen.
            }

            EscalateUpTo(now);
            c.ClearPendingNotifications();
        }
    }

    /// <summary>A new case from the same person (or, for a head count of 5 or more, a group) about the same matter.</summary>
    private async Task<Case> RegisterLike(Case model, DateTime received, string prefix, int headCount, Dictionary<int, SlaTerms> policies, IBusinessCalendar calendar, CancellationToken ct)
    {
        var person = model.Complainants.First();
        var complainant = Case.IsCollectiveHeadCount(headCount)
            ? new NewComplainant(Name(), Phone(), null, model.Address)
            : new NewComplainant(person.Name, person.Phone, null, person.Address);
        var urgency = Case.UrgencyOf(headCount, model.Urgency);
        var channel = Case.IsCollectiveHeadCount(headCount) ? Channel.Visit : Channel.Call;
        var registered = received.AddMinutes(_rng.Next(2, 15));
        var policy = (await reference.GetAsync(ct)).SlaPolicyFor(channel, model.CategoryId, urgency);
        var @case = Case.Register(
            new NewCase(channel, model.Kind, urgency, received, false, [complainant], headCount, model.CategoryId, model.RegionId,
                model.Address, model.Subject, prefix + model.Content),
            await tracking.NextAsync(ChinaTime.DateOf(registered), ct), tracking.NewQueryCode(), policy.Id,
            new CaseContext(registered, Desk, calendar, policies[policy.Id]));
        db.Cases.Add(@case);
        return @case;
    }

    private static CaseContext Context(Case c, DateTime t, Actor who, Dictionary<int, SlaTerms> policies, IBusinessCalendar calendar) =>
        new(t, who, calendar, policies[c.SlaPolicyId]);

    /// <summary>An office-hours instant between <paramref name="minHours"/> and <paramref name="maxHours"/> after <paramref name="after"/>, before <paramref name="limit"/>.</summary>
    private DateTime Later(DateTime after, double minHours, double maxHours, DateTime limit)
    {
        var t = after.AddHours(minHours + (_rng.NextDouble() * (maxHours - minHours)));
        t = OfficeHours(t) < after ? t : OfficeHours(t);
        return t < limit ? t : limit.AddMinutes(-_rng.Next(30, 120));
    }

    private List<Case> Sample(List<Case> cases, int n) =>
        [.. cases.OrderBy(_ => _rng.Next()).Take(n)];
}
