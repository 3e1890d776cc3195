using System.Reflection;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Tests.Time;
using GrievanceDesk.Domain.Time;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>
/// The world a case test runs in: the official 2025–2026 calendar, fixed SLA terms, a small unit tree, the office's
/// people, and a clock the test moves. Every command gets a <see cref="CaseContext"/> for the current instant.
/// </summary>
internal sealed class CaseScenario
{
    // Unit tree: 1 district government → 10 a department → 100 its section; 1 → 20 a street → 200 a community.
    public const int District = 1;
    public const int Department = 10;
    public const int Section = 100;
    public const int Street = 20;
    public const int Community = 200;

    public static readonly IBusinessCalendar Calendar = Cst.OfficialCalendar2025And2026;

    public static readonly SlaTerms Terms = new(
        Accept: SlaDuration.CalendarDays(15),
        Contact: SlaDuration.Hours(24),
        Handle: SlaDuration.WorkingDays(10),
        Feedback: SlaDuration.WorkingDays(5),
        MaxExtensionDays: 30,
        ExtensionUnit: DurationUnit.CalendarDays,
        WarnBefore: TimeSpan.FromHours(72));

    public static readonly Actor Desk = new("desk1", "前台甲", null);
    public static readonly Actor Dispatcher = new("disp1", "派单员乙", null);
    public static readonly Actor Cadre = new("cadre1", "承办人丙", Department);
    public static readonly Actor UnitLeader = new("uleader1", "负责人丁", Department);
    public static readonly Actor Leader = new("leader1", "领导戊", null);

    private long _nextId = 1;

    /// <param name="startCst">The scenario's first instant, CST wall-clock time; by default Monday 2026-03-02 09:00.</param>
    public CaseScenario(string startCst = "2026-03-02 09:00") => Now = Cst.At(startCst);

    public DateTime Now { get; set; }

    public CaseContext As(Actor actor) => new(Now, actor, Calendar, Terms);

    public CaseScenario Advance(TimeSpan by)
    {
        Now += by;
        return this;
    }

    /// <summary>Moves the clock to a CST wall-clock time, e.g. "2026-10-13 23:59:59".</summary>
    public CaseScenario At(string cst)
    {
        Now = Cst.At(cst);
        return this;
    }

    public static IReadOnlyList<int> Ancestry(int unit) => unit switch
    {
        District => [District],
        Department => [Department, District],
        Section => [Section, Department, District],
        Street => [Street, District],
        Community => [Community, Street, District],
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    /// <summary>The responsible unit of <paramref name="holder"/> and its ancestors; empty while it has none.</summary>
    public static IReadOnlyList<int> UnitsOf(Case holder) => holder.UnitId is { } unit ? Ancestry(unit) : [];

    public static int? ParentOf(int unit) => unit == District ? null : Ancestry(unit)[1];

    public static NewCase Intake(
        CaseKind kind = CaseKind.Claim,
        bool anonymous = false,
        int headCount = 1,
        int? respondentUnitId = null,
        DateTime? receivedAtUtc = null,
        Urgency urgency = Urgency.Normal,
        string subject = "小区楼下餐馆油烟扰民",
        string content = "小区楼下餐馆每天晚上排放油烟，影响居民休息，请求处理。") =>
        new(
            Channel.Call,
            kind,
            urgency,
            receivedAtUtc ?? DateTime.MinValue,
            anonymous,
            anonymous ? [] : [new NewComplainant("张三", "13812345678", "110101199003071234", "幸福小区3号楼")],
            headCount,
            CategoryId: 7,
            RegionId: 3,
            Address: "幸福小区3号楼",
            subject,
            content,
            respondentUnitId);

    /// <summary>Registers a case received just now (unless the intake says otherwise) and gives it an id, as saving would.</summary>
    public Case Register(NewCase? intake = null)
    {
        var data = intake ?? Intake();
        if (data.ReceivedAtUtc == DateTime.MinValue)
        {
            data = data with { ReceivedAtUtc = Now };
        }

        var id = _nextId++;
        var @case = Case.Register(data, $"GD20260302-{id:0000}", $"Q{id:00000}", slaPolicyId: 1, As(Desk));
        return Saved(@case, id);
    }

    /// <summary>Walks a new case along the lawful path to <paramref name="status"/>, one hour a step.</summary>
    public Case InStatus(CaseStatus status, NewCase? intake = null)
    {
        var @case = Register(intake);
        if (status == CaseStatus.Registered)
        {
            return @case;
        }

        if (status == CaseStatus.Merged)
        {
            @case.MergeInto(Register(), [], As(Desk));
            return @case;
        }

        Step().Dispatch(@case);
        if (status == CaseStatus.Dispatched)
        {
            return @case;
        }

        Step();
        @case.Accept(As(Cadre));
        if (status == CaseStatus.Accepted)
        {
            return @case;
        }

        Step();
        @case.RecordProgress("已到现场查看", As(Cadre));
        if (status == CaseStatus.InProgress)
        {
            return @case;
        }

        Step();
        @case.Resolve(Outcome.Resolved, "已责令餐馆安装油烟净化设备", As(Cadre));
        if (status == CaseStatus.Resolved)
        {
            return @case;
        }

        Step();
        @case.RecordFeedback(ContactChannel.Phone, Now, reached: true, "已电话告知办理结果", "表示认可", As(Cadre));
        if (status == CaseStatus.FeedbackGiven)
        {
            return @case;
        }

        Step();
        @case.Close(As(Desk));
        if (status == CaseStatus.Closed)
        {
            return @case;
        }

        Step();
        @case.RecordReturnVisit(Satisfaction.Dissatisfied, solved: false, "油烟仍然很大", As(Desk));
        return status == CaseStatus.Reopened ? @case : throw new ArgumentOutOfRangeException(nameof(status));
    }

    public CaseScenario Step() => Advance(TimeSpan.FromHours(1));

    public void Dispatch(Case @case, int unit = Department, int? routingRuleId = null) =>
        @case.Dispatch(unit, Ancestry(unit), routingRuleId, note: null, As(Dispatcher));

    /// <summary>What the database does on save: gives the entity its id.</summary>
    public static T Saved<T>(T entity, long id)
        where T : class
    {
        typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)!.SetValue(entity, id);
        return entity;
    }
}

internal static class RefusalAssertions
{
    /// <summary>Asserts that the command is refused by the rule with this slug, and returns the refusal.</summary>
    public static DomainRuleException ShouldBeRefusedWith(this Action command, string slug)
    {
        var refusal = Should.Throw<DomainRuleException>(command);
        refusal.Rule.ShouldBe(slug, refusal.Message);
        return refusal;
    }
}
