using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>
/// Demo cases over the last ten weeks, in every state, made by the real aggregate: each step is a domain command
/// with its own past "now", so deadlines, the timeline, returns, extensions, pauses, feedback, closes, return visits
/// and reopens are exactly what the office would have produced. Reproducible (fixed seed); only runs on an empty case table.
/// </summary>
internal sealed partial class DemoCaseSeeder(
    AppDbContext db,
    IBusinessCalendarSource calendars,
    ITrackingNumbers tracking,
    CaseRouter router,
    Application.ReferenceData.IReferenceData reference,
    TimeProvider clock,
    ILogger<DemoCaseSeeder> log) : IDemoCaseSeeder
{
    private static readonly Actor Desk = new("desk", "王丽", null);
    private static readonly Actor Dispatcher = new("dispatcher", "李强", null);

    private readonly Random _rng = new(20261123);

    public async Task SeedAsync(int count, CancellationToken ct)
    {
        if (count <= 0 || await db.Cases.AnyAsync(ct))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Code, r => r.Id, ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var cadres = DemoUsers.All.Where(u => u.UnitCode is not null)
            .GroupBy(u => units.Single(x => x.Code == u.UnitCode).Id)
            .ToDictionary(g => g.Key, g => g.ToList());
        var policies = await db.SlaPolicies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Terms, ct);

        for (var i = 0; i < count; i++)
        {
            var template = Pick(DemoCaseTexts.Templates, t => t.Weight);
            var (regionCode, place) = DemoCaseTexts.Addresses[_rng.Next(DemoCaseTexts.Addresses.Length)];
            var address = $"{place}{_rng.Next(1, 30)}号楼";
            var received = OfficeHours(now.AddHours(-_rng.NextDouble() * 70 * 24));
            if (received > now)
            {
                received = now.AddMinutes(-_rng.Next(30, 300));
            }

            var channel = Pick([Channel.Call, Channel.Online, Channel.Visit, Channel.Letter, Channel.Transfer], c => c switch
            {
                Channel.Call => 45,
                Channel.Online => 25,
                Channel.Visit => 15,
                Channel.Letter => 10,
                _ => 5,
            });
            var kind = template.Subject.Contains("咨询", StringComparison.Ordinal) ? CaseKind.Consultation
                : template.Category.StartsWith("GBZF", StringComparison.Ordinal) ? CaseKind.Report
                : _rng.NextDouble() < 0.08 ? CaseKind.Suggestion : CaseKind.Claim;
            var anonymous = kind != CaseKind.Consultation && _rng.NextDouble() < 0.04;
            var headCount = _rng.NextDouble() < 0.025 ? _rng.Next(5, 40) : 1;
            var urgency = _rng.NextDouble() < 0.08 ? Urgency.Urgent : Urgency.Normal;
            var registered = channel == Channel.Letter ? received.AddDays(_rng.Next(1, 4)) : received.AddMinutes(_rng.Next(2, 40));
            if (registered > now)
            {
                registered = now.AddMinutes(-1);
            }

            var policy = (await reference.GetAsync(ct)).SlaPolicyFor(channel, categories[template.Category], Case.UrgencyOf(headCount, urgency));
            var terms = policies[policy.Id];
            CaseContext At(DateTime t, Actor who) => new(t, who, calendar, terms);

            var @case = Case.Register(
                new NewCase(channel, kind, urgency, received, anonymous,
                    anonymous ? [] : [new NewComplainant(Name(), Phone(), null, address)],
                    headCount, categories[template.Category], regions[regionCode], address,
                    template.Subject, template.Content.Replace("{addr}", place, StringComparison.Ordinal).Replace("{n}", _rng.Next(1, 30).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)),
                await tracking.NextAsync(ChinaTime.DateOf(registered), ct), tracking.NewQueryCode(), policy.Id, At(registered, Desk));
            db.Cases.Add(@case);
            try
            {
                await Live(@case, registered, now, Escalating(@case, registered, now, calendar, terms, At), units, cadres, ct);
            }
            catch (DomainRuleException)
            {
                // A step the rules refuse simply does not happen; the case stays where it is, as in life.
            }

            EscalateUpTo(now);
            @case.ClearPendingNotifications(); // history, not news: nobody is notified about the demo's past
            if (i % 25 == 24)
            {
                await SaveAsync(ct);
            }
        }

        await SaveAsync(ct);
        await SeedOfficePastAsync(count, now, calendar, policies, units, cadres, ct);
        log.LogInformation("Seeded {Count} demo cases over the last ten weeks", count);
    }

    /// <summary>Walks a case forward through its life with plausible gaps, stopping at "now".</summary>
    private async Task Live(Case c, DateTime t, DateTime now, Func<DateTime, Actor, CaseContext> at, List<Unit> units, Dictionary<int, List<DemoUsers.DemoUser>> cadres, CancellationToken ct)
    {
        bool Next(ref DateTime clock, double minHours, double maxHours)
        {
            clock = clock.AddHours(minHours + (_rng.NextDouble() * (maxHours - minHours)));
            return clock <= now;
        }

        if (c.Kind == CaseKind.Consultation && _rng.NextDouble() < 0.6)
        {
            c.AnswerOnTheSpot("已当场解答，告知办理流程、所需材料和咨询电话。", ContactChannel.Phone, at(t.AddMinutes(5), Desk));
            if (Next(ref t, 0.1, 2))
            {
                c.Close(at(t, Desk));
            }

            return;
        }

        await router.RouteAsync(c, at(t.AddMinutes(1), Desk), ct);
        if (c.Status == CaseStatus.Registered)
        {
            if (!Next(ref t, 1, 20) || _rng.NextDouble() < 0.05)
            {
                return; // still waiting in the dispatcher queue
            }

            var target = units.Where(u => cadres.ContainsKey(u.Id)).ElementAt(_rng.Next(cadres.Count));
            c.Dispatch(target.Id, (await reference.GetAsync(ct)).UnitAncestry(target.Id), null, "人工派单", at(t, Dispatcher));
        }

        var unitId = c.UnitId!.Value;
        var people = cadres.GetValueOrDefault(unitId) ?? [];
        var leader = people.FirstOrDefault(p => p.Roles.Contains(Roles.UnitLeader));
        var cadre = people.FirstOrDefault(p => p.UserName == c.CadreUserName) ?? people.FirstOrDefault(p => p.Roles.Contains(Roles.Cadre));
        var unitActor = cadre is null ? new Actor($"unit{unitId}", "承办人", unitId) : new Actor(cadre.UserName, cadre.DisplayName, unitId);
        var leaderActor = leader is null ? unitActor : new Actor(leader.UserName, leader.DisplayName, unitId);
        if (!Next(ref t, 1, 30))
        {
            return;
        }

        if (c.CadreUserName is null && cadre is not null)
        {
            c.Assign(cadre.UserName, at(t, leaderActor));
        }

        if (_rng.NextDouble() < 0.04)
        {
            c.Return("经核实该事项不属于本单位职责范围，建议转相关职能部门办理。", at(t, unitActor));
            return;
        }

        var fate = _rng.NextDouble();
        if (fate < 0.06)
        {
            return; // never signed for: runs over the accept deadline
        }

        c.Accept(at(t, unitActor));
        if (!Next(ref t, 2, 48))
        {
            return;
        }

        c.RecordContact(t, ContactChannel.Phone, reached: _rng.NextDouble() < 0.9, "电话联系诉求人，了解具体情况。", at(t, unitActor));
        if (fate < 0.16 || !Next(ref t, 12, 72))
        {
            return; // in progress, some of it running late
        }

        c.RecordProgress("已到现场核实，正在协调相关方解决。", at(t, unitActor));
        if (_rng.NextDouble() < 0.05)
        {
            var request = c.RequestExtension(Math.Min(5, at(t, unitActor).Terms.MaxExtensionDays), "涉及多个部门协调，需延长办理时限。", at(t, unitActor));
            c.ApproveExtension(request, at(t.AddHours(2), leaderActor));
        }

        if (_rng.NextDouble() < 0.03)
        {
            var pause = c.RequestPause("等待第三方鉴定结论。", at(t, unitActor));
            c.ApprovePause(pause, at(t.AddHours(1), leaderActor));
            if (!Next(ref t, 24, 96))
            {
                return; // still paused
            }

            c.Resume(at(t, unitActor));
        }

        if (!Next(ref t, 24, 240))
        {
            return;
        }

        var outcome = Pick([Outcome.Resolved, Outcome.Partially, Outcome.Explained, Outcome.NotAccepted], o => o switch
        {
            Outcome.Resolved => 60,
            Outcome.Partially => 15,
            Outcome.Explained => 22,
            _ => 3,
        });
        c.Resolve(outcome, outcome == Outcome.Explained ? "已向诉求人解释相关政策规定。" : "经协调，问题已处理完毕。", at(t, unitActor));
        if (!Next(ref t, 1, 40))
        {
            return;
        }

        if (c.IsAnonymous)
        {
            c.Close(at(t, Desk));
            return;
        }

        if (_rng.NextDouble() < 0.9)
        {
            c.RecordFeedback(ContactChannel.Phone, t, true, "已电话告知办理结果。", "表示认可。", at(t, unitActor));
        }
        else
        {
            foreach (var hours in new[] { 0.0, 3, 26 })
            {
                c.RecordFeedback(ContactChannel.Phone, t.AddHours(hours), false, "电话无人接听。", null, at(t.AddHours(hours), unitActor));
            }

            t = t.AddHours(27);
            c.RecordFeedback(ContactChannel.Sms, t, false, "已短信告知办理结果。", null, at(t, unitActor));
        }

        if (!Next(ref t, 1, 30))
        {
            return;
        }

        c.Close(at(t, Desk));
        if (!Next(ref t, 24, 120))
        {
            return;
        }

        var satisfaction = Pick([Satisfaction.Satisfied, Satisfaction.Basically, Satisfaction.Dissatisfied], s => s switch
        {
            Satisfaction.Satisfied => 60,
            Satisfaction.Basically => 32,
            _ => 8,
        });
        c.RecordReturnVisit(satisfaction, solved: satisfaction != Satisfaction.Dissatisfied && _rng.NextDouble() < 0.9,
            satisfaction == Satisfaction.Dissatisfied ? "认为问题未实际解决，要求重新办理。" : "对办理结果表示满意。", at(t, Desk));
    }

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var roll = _rng.NextDouble() * items.Sum(weight);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll <= 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    /// <summary>Moves an instant into office hours (08:30–20:00 CST) of its day.</summary>
    private DateTime OfficeHours(DateTime utc)
    {
        var date = ChinaTime.DateOf(utc);
        return ChinaTime.StartOfDayUtc(date).AddHours(8.5 + (_rng.NextDouble() * 11.5));
    }

    private string Name() =>
        DemoCaseTexts.Surnames[_rng.Next(DemoCaseTexts.Surnames.Length)] + DemoCaseTexts.GivenNames[_rng.Next(DemoCaseTexts.GivenNames.Length)];

    private string Phone() => $"1{_rng.Next(3, 10)}{_rng.Next(0, 1_000_000_000):D9}";
}
