using System.Globalization;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Functional.Tests.Stats;

/// <summary>
/// A few dozen cases around ISO week 2026-W10 (Monday 2026-03-02 to Sunday 2026-03-08, CST), written through the
/// domain's own methods at chosen instants, whose figures are worked out by hand in <see cref="Expected"/>.
/// Deadlines use hour-based terms so that every deadline is plain arithmetic:
/// hotline H: accept 24 h from receipt, contact 24 h from dispatch, handle 72 h from acceptance, feedback 24 h;
/// petition P: accept 48 h, no contact stage, handle 96 h, feedback 24 h.
/// Units: A = 区住建委 (QH-ZJW), B = 区人社局 (QH-RSJ), C = 东风街道 (QH-DF). Categories: X = 物业管理, Y = 欠薪, Z = 噪声.
/// </summary>
public static class HandBuiltCases
{
    public const string From = "2026-03-02";
    public const string To = "2026-03-08";
    public const int Year = 2026;
    public const int Week = 10;

    public const string UnitA = "QH-ZJW";
    public const string UnitAName = "区住房和城乡建设委员会";
    public const string UnitB = "QH-RSJ";
    public const string UnitBName = "区人力资源和社会保障局";
    public const string UnitC = "QH-DF";
    public const string CategoryX = "CSJS-WYGL";

    public const string HotAddress = "湖滨路8号";
    public const string WageSubject = "宏达建筑公司拖欠农民工工资";

    /// <summary>The dissatisfied complainants of the week (A6, A13) and the phone number typed into A6's return-visit note.</summary>
    public const string DissatisfiedA6 = "欧阳娜娜";
    public const string DissatisfiedA13 = "张三丰";
    public const string PhoneInVisitNote = "13912345678";

    public static readonly SlaTerms Hotline = new(
        SlaDuration.Hours(24), SlaDuration.Hours(24), SlaDuration.Hours(72), SlaDuration.Hours(24), 8, DurationUnit.CalendarDays, TimeSpan.FromHours(4));

    public static readonly SlaTerms Petition = new(
        SlaDuration.Hours(48), null, SlaDuration.Hours(96), SlaDuration.Hours(24), 30, DurationUnit.CalendarDays, TimeSpan.FromHours(24));

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var world = await World.CreateAsync(db, await scope.ServiceProvider.GetRequiredService<IBusinessCalendarSource>().GetAsync(CancellationToken.None));
        var (a, b, c) = (world.Unit(UnitA), world.Unit(UnitB), world.Unit(UnitC));
        var (x, y, z) = (world.Category(CategoryX), world.Category("LDSB-QX"), world.Category("HJBH-ZS"));
        var (r1, r2) = (world.Region("QH-XH-HB"), world.Region("QH-DF-GM"));

        // ── Unit A (12 dispatched in the week, 11 received in it) ─────────────────────────────────────────
        // A1: on time throughout; closed in the week; satisfied and solved.
        var a1 = await world.Log("ST-A01", "03-02 09:00", Channel.Call, x, r1, Hotline, HotAddress, "小区电梯故障无人维修")
            .Dispatch("03-02 09:10", a).Accept("03-02 10:00").Contact("03-02 15:00")
            .Resolve("03-04 10:00").Feedback("03-04 12:00").Close("03-04 13:00")
            .Visit("03-05 10:00", Satisfaction.Satisfied, solved: true).SaveAsync();
        // A2: accepted late (deadline 03-03 10:00), resolved late (handle deadline 03-06 12:00); basically satisfied, not solved.
        await world.Log("ST-A02", "03-02 10:00", Channel.Call, x, r1, Hotline, HotAddress, "物业拒不修复漏水的外墙")
            .Dispatch("03-02 10:05", a).Accept("03-03 12:00").Contact("03-03 13:00")
            .Resolve("03-07 09:00").Feedback("03-07 10:00").Close("03-07 11:00")
            .Visit("03-08 10:00", Satisfaction.Basically, solved: false).SaveAsync();
        // A3: first contact late (deadline 03-04 09:30); open and overdue (handle deadline 03-06 10:00).
        await world.Log("ST-A03", "03-03 09:00", Channel.Online, x, r2, Hotline, "光明路3号", "地下车库积水无人清理")
            .Dispatch("03-03 09:30", a).Accept("03-03 10:00").Contact("03-04 11:00").SaveAsync();
        // A4: anonymous; accepted on time, never contacted (nobody to contact): responded. Closed as anonymous.
        // An old system's return visit on it is written in below: it must stay out of the satisfaction figures.
        var a4 = await world.Log("ST-A04", "03-03 14:00", Channel.Call, x, r1, Hotline, "光明路5号", "小区绿化带被占用", anonymous: true)
            .Dispatch("03-03 14:05", a).Accept("03-03 15:00").Progress("03-03 16:00")
            .Resolve("03-05 09:00").Close("03-05 10:00").SaveAsync();
        // A5: a collective petition (6 people), petition track; accepted on time; open, handle deadline 03-09 08:00 not yet passed.
        await world.Log("ST-A05", "03-04 09:00", Channel.Visit, z, r1, Petition, "柳岸街2号", "夜间施工噪音扰民", headCount: 6)
            .Dispatch("03-04 10:00", a).Accept("03-05 08:00").Progress("03-05 09:00").SaveAsync();
        // A6: a letter received in the week before (03-01), registered 03-04; accepted late (deadline 03-03 10:00);
        // closed 03-05, then reopened by a dissatisfied visit 03-06: its close no longer stands; open, not overdue (03-10 09:00).
        await world.Log("ST-A06", "03-01 10:00", Channel.Letter, x, r1, Petition, "青山路6号", "小区消防通道被长期占用",
                complainant: DissatisfiedA6, registeredAt: "03-04 09:00")
            .Dispatch("03-04 09:30", a).Accept("03-04 10:00").Progress("03-04 11:00")
            .Resolve("03-05 10:00").Feedback("03-05 11:00").Close("03-05 12:00")
            .Visit("03-06 09:00", Satisfaction.Dissatisfied, solved: false, note: $"问题仍未解决，请回电{PhoneInVisitNote}").SaveAsync();
        // A7: a repeat (重复件) of the closed A1; on time; closed; satisfied and solved.
        await world.Log("ST-A07", "03-05 09:00", Channel.Call, x, r1, Hotline, HotAddress, "小区电梯故障无人维修")
            .RepeatOf(a1, "03-05 09:05")
            .Dispatch("03-05 09:10", a).Accept("03-05 09:30").Contact("03-05 10:00")
            .Resolve("03-06 09:00").Feedback("03-06 10:00").Close("03-06 11:00")
            .Visit("03-07 09:00", Satisfaction.Satisfied, solved: true).SaveAsync();
        // A8: on time; paused (中止) since 03-06 10:00: its handle deadline (03-08 15:00) has passed, but a paused case is not overdue.
        await world.Log("ST-A08", "03-05 14:00", Channel.Online, x, r2, Hotline, "向阳街9号", "物业费收据不规范")
            .Dispatch("03-05 14:10", a).Accept("03-05 15:00").Contact("03-05 16:00").Pause("03-06 09:00", "03-06 10:00").SaveAsync();
        // A9: never accepted: not responded, overdue (accept deadline 03-07 09:00); a leader's supervision order 03-08.
        var a9 = await world.Log("ST-A09", "03-06 09:00", Channel.Call, x, r1, Hotline, "富华路12号", "楼道堆放杂物存在隐患")
            .Dispatch("03-06 09:05", a).Supervise("03-08 10:00", SupervisionSource.Leader).SaveAsync();
        // A10: received Saturday; on time; closed Sunday; its return visit falls in the next week.
        await world.Log("ST-A10", "03-07 10:00", Channel.Call, x, r1, Hotline, HotAddress, "电梯维保公司不按时保养")
            .Dispatch("03-07 10:10", a).Accept("03-07 11:00").Contact("03-07 12:00")
            .Resolve("03-08 09:00").Feedback("03-08 10:00").Close("03-08 11:00")
            .Visit("03-10 09:00", Satisfaction.Satisfied, solved: true).SaveAsync();
        // A11: received Sunday evening: its accept deadline (03-09 20:00) is after the week, so it is not due in it. Open.
        await world.Log("ST-A11", "03-08 20:00", Channel.Call, x, r1, Hotline, "辰阳路1号", "小区路灯不亮")
            .Dispatch("03-08 20:05", a).Accept("03-08 21:00").SaveAsync();
        // A12: received late Sunday, dispatched, not yet accepted. Open, not overdue, not due.
        await world.Log("ST-A12", "03-08 22:00", Channel.Online, z, r2, Hotline, "新丰街4号", "广场舞音响声音过大")
            .Dispatch("03-08 22:10", a).SaveAsync();
        // A13: received the week before; resolved late, closed 03-03; reopened by a dissatisfied visit 03-04; the second
        // round resolved on time (deadline 03-07 09:00) and closed 03-05; satisfied and solved 03-06. An office
        // supervision order 03-02 (in the week).
        await world.Log("ST-A13", "02-26 09:00", Channel.Call, x, r1, Hotline, "金苑大道7号", "物业公司擅自提高停车费", complainant: DissatisfiedA13)
            .Dispatch("02-26 09:10", a).Accept("02-26 10:00").Contact("02-26 11:00")
            .Supervise("03-02 09:00", SupervisionSource.Office)
            .Resolve("03-02 15:00").Feedback("03-02 16:00").Close("03-03 09:00")
            .Visit("03-04 09:00", Satisfaction.Dissatisfied, solved: false)
            .Progress("03-04 10:00").Resolve("03-05 09:00").Feedback("03-05 10:00").Close("03-05 11:00")
            .Visit("03-06 09:00", Satisfaction.Satisfied, solved: true).SaveAsync();
        // A14: an old case, long overdue (handle deadline 02-20 11:00): a supervision order 02-25 (the week before) and
        // the ladder's leader supervision 03-06 (in the week).
        await world.Log("ST-A14", "02-16 09:00", Channel.Letter, x, r1, Petition, "湖滨路20号", "小区供暖不达标")
            .Dispatch("02-16 10:00", a).Accept("02-16 11:00").Progress("02-17 09:00")
            .Supervise("02-25 09:00", SupervisionSource.Escalation)
            .Escalate("03-06 10:00", EscalationStep.LeaderSupervision).SaveAsync();

        // ── Unit B: ten wage cases, every one on time and closed in the week; B1–B4 satisfied and solved ───
        for (var i = 1; i <= 10; i++)
        {
            var received = At("03-02 09:00").AddHours(12 * (i - 1));
            var script = world.Log($"ST-B{i:00}", received, Channel.Call, y, r2, Hotline, $"和平路{i}号", i <= 6 ? WageSubject : "宏达公司拖欠工资")
                .Dispatch(received.AddMinutes(10), b).Accept(received.AddHours(1)).Contact(received.AddHours(2))
                .Resolve(received.AddHours(24)).Feedback(received.AddHours(25)).Close(received.AddHours(26));
            if (i <= 4)
            {
                script.Visit(received.AddHours(48), Satisfaction.Satisfied, solved: true);
            }

            await script.SaveAsync();
        }

        // ── Unit C: two perfect cases, too few to be ranked ─────────────────────────────────────────────
        await world.Log("ST-C01", "03-03 09:00", Channel.Visit, z, r2, Petition, "光明路30号", "菜市场早市噪音")
            .Dispatch("03-03 10:00", c).Accept("03-03 11:00").Progress("03-03 12:00")
            .Resolve("03-04 09:00").Feedback("03-04 10:00").Close("03-04 11:00")
            .Visit("03-05 09:00", Satisfaction.Satisfied, solved: true).SaveAsync();
        await world.Log("ST-C02", "03-04 09:00", Channel.Call, z, r2, Hotline, "光明路31号", "空调外机噪音扰民")
            .Dispatch("03-04 09:10", c).Accept("03-04 10:00").Contact("03-04 11:00")
            .Resolve("03-05 09:00").Feedback("03-05 10:00").Close("03-05 11:00").SaveAsync();

        // ── The dispatcher queue (no unit) ─────────────────────────────────────────────────────────────
        // Q1: received Sunday, not yet dispatched: open, not overdue, not due (accept deadline 03-09 09:00).
        await world.Log("ST-Q01", "03-08 09:00", Channel.Online, x, r1, Hotline, "湖滨路50号", "小区门禁系统故障").SaveAsync();
        // Q2: a repeat of the open A9: merged into it (not dispatched again). Received in the week, not open.
        await world.Log("ST-Q02", "03-06 10:00", Channel.Call, x, r1, Hotline, "富华路12号", "楼道堆放杂物存在隐患").RepeatOf(a9, "03-06 10:05").SaveAsync();
        // Q3: received the Sunday before, never dispatched: due in the week (accept deadline 03-02 20:00), not responded, overdue.
        await world.Log("ST-Q03", "03-01 20:00", Channel.Call, y, r2, Hotline, "和平路99号", "装修公司拖欠工人工资").SaveAsync();

        // Imported from the old system: a return visit on the anonymous A4. Anonymous cases are out of the satisfaction figures.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO \"CaseReturnVisits\" (\"CaseId\", \"Satisfaction\", \"Solved\", \"Note\", \"AtUtc\", \"ByUserName\", \"Round\") VALUES ({a4.Id}, {"Dissatisfied"}, {false}, {"旧系统导入"}, {At("03-06 15:00")}, {"desk"}, {1})");
    }

    /// <summary>A CST wall-clock time of 2026, "03-02 09:00", as a UTC instant.</summary>
    public static DateTime At(string cst) =>
        DateTime.SpecifyKind(DateTime.ParseExact($"2026-{cst}", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) - ChinaTime.Offset, DateTimeKind.Utc);

    /// <summary>The week's figures, worked out by hand from the cases above (see the comments there).</summary>
    public static class Expected
    {
        /// <summary>Received in the week: A1–A5, A7–A12 (11), B1–B10 (10), C1–C2 (2), Q1–Q2 (2). A6, A13, A14, Q3 were received before.</summary>
        public static readonly Figures Office = new(
            Received: 25,
            Dispatched: 24,           // A1–A12 (12, A6 dispatched 03-04), B (10), C (2)
            Closed: 20,               // A1, A2, A4, A6, A7, A10, A13 ×2 + B (10) + C (2): a close counts in its week though a reopen follows
            Open: 10,                 // A3, A5, A6, A8, A9, A11, A12, A14 + Q1, Q3
            Overdue: 4,               // A3, A9, A14, Q3 (A8 is paused)
            ClosedLate: 2,            // A2, A13's first round
            Response: (18, 21),       // responses completed: A1–A8, A10 (9), B (10), C (2); late: A2, A3 (contact), A6
            OnTime: (18, 20),
            Resolution: (8, 11),      // visits: A1, A2, A6, A7, A13 ×2, B1–B4, C1 (11; not A4's, anonymous; not A10's, next week)
            Satisfaction: (9, 11),    // all but A6 and A13's first
            Repeat: (2, 25),          // A7, Q2
            Reopen: (2, 11),          // A6, A13 reopened ÷ 11 return visits
            Collective: 1,            // A5
            Escalations: 3);          // A9 (leader), A13 (office), A14 (ladder, leader supervision)

        /// <summary>Unit A (区住建委): 11 received, ranked; second behind B.</summary>
        public static readonly Figures UnitA = new(
            Received: 11, Dispatched: 12, Closed: 8, Open: 8, Overdue: 3, ClosedLate: 2,
            Response: (6, 9), OnTime: (6, 8), Resolution: (3, 6), Satisfaction: (4, 6), Repeat: (1, 11), Reopen: (2, 6),
            Collective: 1, Escalations: 3);

        /// <summary>Unit B (区人社局): ten perfect cases, ranked first.</summary>
        public static readonly Figures UnitB = new(
            Received: 10, Dispatched: 10, Closed: 10, Open: 0, Overdue: 0, ClosedLate: 0,
            Response: (10, 10), OnTime: (10, 10), Resolution: (4, 4), Satisfaction: (4, 4), Repeat: (0, 10), Reopen: (0, 4),
            Collective: 0, Escalations: 0);

        /// <summary>Unit C (东风街道): perfect, but two cases: below the minimum of 10, not ranked.</summary>
        public static readonly Figures UnitC = new(
            Received: 2, Dispatched: 2, Closed: 2, Open: 0, Overdue: 0, ClosedLate: 0,
            Response: (2, 2), OnTime: (2, 2), Resolution: (1, 1), Satisfaction: (1, 1), Repeat: (0, 2), Reopen: (0, 1),
            Collective: 0, Escalations: 0);

        /// <summary>The dispatcher queue: Q1, Q2 received in the week; Q1 and Q3 open; Q3 overdue, never responded.</summary>
        public static readonly Figures Queue = new(
            Received: 2, Dispatched: 0, Closed: 0, Open: 2, Overdue: 1, ClosedLate: 0,
            Response: (0, 0), OnTime: (0, 0), Resolution: (0, 0), Satisfaction: (0, 0), Repeat: (1, 2), Reopen: (0, 0),
            Collective: 0, Escalations: 0);

        /// <summary>Category X (物业管理): the A cases but A5 and A12 (噪声), plus Q1 and Q2.</summary>
        public static readonly Figures CategoryX = new(
            Received: 11,             // A1–A4, A7–A11, Q1, Q2
            Dispatched: 10,           // A1–A4, A6–A11
            Closed: 8, Open: 7, Overdue: 3, ClosedLate: 2,
            Response: (5, 8),         // responses A1–A4, A6–A8, A10; on time A1, A4, A7, A8, A10
            OnTime: (6, 8), Resolution: (3, 6), Satisfaction: (4, 6), Repeat: (2, 11), Reopen: (2, 6),
            Collective: 0, Escalations: 3);

        /// <summary>Received in the week before (2026-W9): A6, A13, Q3.</summary>
        public const int ReceivedWeekBefore = 3;
    }

    public sealed record Figures(
        int Received,
        int Dispatched,
        int Closed,
        int Open,
        int Overdue,
        int ClosedLate,
        (int Numerator, int Denominator) Response,
        (int Numerator, int Denominator) OnTime,
        (int Numerator, int Denominator) Resolution,
        (int Numerator, int Denominator) Satisfaction,
        (int Numerator, int Denominator) Repeat,
        (int Numerator, int Denominator) Reopen,
        int Collective,
        int Escalations);

    /// <summary>The office's world for the seeding: reference data, the people, and a context per instant.</summary>
    private sealed class World
    {
        private readonly AppDbContext _db;
        private readonly IBusinessCalendar _calendar;
        private readonly Dictionary<string, int> _units;
        private readonly Dictionary<int, int?> _unitParents;
        private readonly Dictionary<string, int> _categories;
        private readonly Dictionary<string, int> _regions;
        private readonly int _policyId;

        private World(AppDbContext db, IBusinessCalendar calendar, List<Unit> units, Dictionary<string, int> categories, Dictionary<string, int> regions, int policyId)
        {
            _db = db;
            _calendar = calendar;
            _units = units.ToDictionary(u => u.Code, u => u.Id);
            _unitParents = units.ToDictionary(u => u.Id, u => u.ParentId);
            _categories = categories;
            _regions = regions;
            _policyId = policyId;
        }

        public static readonly Actor Desk = new("desk", "王丽", null);
        public static readonly Actor Dispatcher = new("dispatcher", "李强", null);
        public static readonly Actor Leader = new("leader", "陈建国", null);

        public static async Task<World> CreateAsync(AppDbContext db, IBusinessCalendar calendar) => new(
            db,
            calendar,
            await db.Units.ToListAsync(),
            await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id),
            await db.Regions.ToDictionaryAsync(r => r.Code, r => r.Id),
            await db.SlaPolicies.Select(p => p.Id).FirstAsync());

        public int Unit(string code) => _units[code];

        public int Category(string code) => _categories[code];

        public int Region(string code) => _regions[code];

        public IReadOnlyList<int> Ancestry(int unit) => Tree.Ancestry(unit, _unitParents);

        public CaseContext Context(DateTime at, Actor actor, SlaTerms terms) => new(at, actor, _calendar, terms);

        public Script Log(string trackingNo, string receivedAt, Channel channel, int category, int region, SlaTerms terms, string address, string subject,
            bool anonymous = false, int headCount = 1, string complainant = "李四", string? registeredAt = null) =>
            Log(trackingNo, At(receivedAt), channel, category, region, terms, address, subject, anonymous, headCount, complainant, registeredAt is null ? null : At(registeredAt));

        public Script Log(string trackingNo, DateTime receivedAt, Channel channel, int category, int region, SlaTerms terms, string address, string subject,
            bool anonymous = false, int headCount = 1, string complainant = "李四", DateTime? registeredAt = null)
        {
            var intake = new NewCase(channel, CaseKind.Claim, Urgency.Normal, receivedAt, anonymous,
                anonymous ? [] : [new NewComplainant(complainant, "13800001111")], headCount, category, region, address, subject, $"{subject}，请尽快处理。");
            var @case = Case.Register(intake, trackingNo, "Q" + trackingNo[^3..], _policyId, Context(registeredAt ?? receivedAt, Desk, terms));
            _db.Cases.Add(@case);
            return new Script(this, @case, terms);
        }

        public async Task SaveAsync() => await _db.SaveChangesAsync();
    }

    /// <summary>One case's life, step by step, each at its own instant.</summary>
    private sealed class Script(World world, Case @case, SlaTerms terms)
    {
        private Actor Cadre => new("cadre1", "刘洋", @case.UnitId);
        private Actor UnitLeader => new("unitleader1", "赵敏", @case.UnitId);

        public Script Dispatch(string at, int unit) => Dispatch(At(at), unit);
        public Script Dispatch(DateTime at, int unit) => Do(() => @case.Dispatch(unit, world.Ancestry(unit), null, null, world.Context(at, World.Dispatcher, terms)));
        public Script Accept(string at) => Accept(At(at));
        public Script Accept(DateTime at) => Do(() => @case.Accept(world.Context(at, Cadre, terms)));
        public Script Contact(string at) => Contact(At(at));
        public Script Contact(DateTime at) => Do(() => @case.RecordContact(at, ContactChannel.Phone, true, "电话联系诉求人", world.Context(at, Cadre, terms)));
        public Script Progress(string at) => Do(() => @case.RecordProgress("已到现场核实", world.Context(At(at), Cadre, terms)));
        public Script Resolve(string at) => Resolve(At(at));
        public Script Resolve(DateTime at) => Do(() => @case.Resolve(Outcome.Resolved, "已处理完毕", world.Context(at, Cadre, terms)));
        public Script Feedback(string at) => Feedback(At(at));
        public Script Feedback(DateTime at) => Do(() => @case.RecordFeedback(ContactChannel.Phone, at, true, "已告知办理结果", null, world.Context(at, Cadre, terms)));
        public Script Close(string at) => Close(At(at));
        public Script Close(DateTime at) => Do(() => @case.Close(world.Context(at, World.Desk, terms)));
        public Script Visit(string at, Satisfaction satisfaction, bool solved, string? note = null) => Visit(At(at), satisfaction, solved, note);
        public Script Visit(DateTime at, Satisfaction satisfaction, bool solved, string? note = null) =>
            Do(() => @case.RecordReturnVisit(satisfaction, solved, note, world.Context(at, World.Desk, terms)));
        public Script Supervise(string at, SupervisionSource source) =>
            Do(() => @case.IssueSupervision(source, "请加快办理", world.Context(At(at), World.Leader, terms)));
        public Script Escalate(string at, EscalationStep step) =>
            Do(() => @case.RecordEscalation(step, "办理时限", @case.HandleDeadlineUtc!.Value, world.Context(At(at), Actor.System, terms)));
        public Script RepeatOf(Case original, string at) => Do(() => @case.MarkRepeatOf(original, null, original.UnitId is { } u ? world.Ancestry(u) : [], world.Context(At(at), World.Desk, terms)));

        public Script Pause(string requestedAt, string approvedAt)
        {
            var pause = @case.RequestPause("等待房屋安全鉴定结果", world.Context(At(requestedAt), Cadre, terms));
            @case.ApprovePause(pause, world.Context(At(approvedAt), UnitLeader, terms));
            return this;
        }

        public async Task<Case> SaveAsync()
        {
            await world.SaveAsync();
            return @case;
        }

        private Script Do(Action step)
        {
            step();
            return this;
        }
    }
}
