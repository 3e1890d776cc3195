using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using Case = GrievanceDesk.Domain.Cases.Case;
using static GrievanceDesk.Domain.Tests.Cases.CaseScenario;

namespace GrievanceDesk.Domain.Tests.Cases;

/// <summary>The docs/product.md §3 diagram: every arrow taken, and every other (status, action) pair refused.</summary>
public sealed class CaseTransitionTests
{
    // The oracle, written from docs/product.md §3 independently of CaseTransitions.
    private static readonly CaseStatus[] Handling = [CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Reopened];

    private static readonly CaseStatus[] Open =
    [
        CaseStatus.Registered, CaseStatus.Dispatched, CaseStatus.Accepted, CaseStatus.InProgress,
        CaseStatus.Resolved, CaseStatus.FeedbackGiven, CaseStatus.Reopened,
    ];

    private static readonly Dictionary<CaseAction, CaseStatus[]> Expected = new()
    {
        [CaseAction.Dispatch] = [CaseStatus.Registered, CaseStatus.Dispatched, .. Handling],
        [CaseAction.Assign] = [CaseStatus.Dispatched, .. Handling],
        [CaseAction.Accept] = [CaseStatus.Dispatched],
        [CaseAction.Return] = [CaseStatus.Dispatched],
        [CaseAction.RecordContact] = Handling,
        [CaseAction.RecordProgress] = Handling,
        [CaseAction.RequestExtension] = Handling,
        [CaseAction.DecideExtension] = Handling,
        [CaseAction.RequestPause] = Handling,
        [CaseAction.DecidePause] = Handling,
        [CaseAction.Resume] = Handling,
        [CaseAction.Resolve] = [CaseStatus.InProgress],
        [CaseAction.NotAccept] = [CaseStatus.Registered],
        [CaseAction.AnswerOnTheSpot] = [CaseStatus.Registered],
        [CaseAction.RecordFeedback] = [CaseStatus.Resolved, CaseStatus.FeedbackGiven],
        [CaseAction.Close] = [CaseStatus.Resolved, CaseStatus.FeedbackGiven],
        [CaseAction.RecordReturnVisit] = [CaseStatus.Closed],
        [CaseAction.MergeInto] = [CaseStatus.Registered],
        [CaseAction.MarkRepeatOf] = [CaseStatus.Registered],
        [CaseAction.IssueSupervision] = Open,
        [CaseAction.RecordEscalation] = Open,
        [CaseAction.AddAttachment] = [.. Open, CaseStatus.Closed],
    };

    public static TheoryData<CaseStatus, CaseAction> PairsOutsideTheDiagram() => Pairs(allowed: false);

    public static TheoryData<CaseStatus, CaseAction> PairsInsideTheDiagram() => Pairs(allowed: true);

    [Theory]
    [MemberData(nameof(PairsOutsideTheDiagram))]
    public void Action_outside_the_diagram_is_refused_and_changes_nothing(CaseStatus status, CaseAction action)
    {
        var scenario = new CaseScenario();
        var @case = scenario.InStatus(status);
        var timeline = @case.TimelineCount;
        @case.ClearPendingNotifications();

        // Close names the missing part of the last mile instead, for a case not yet resolved.
        var slug = action == CaseAction.Close && status is not (CaseStatus.Closed or CaseStatus.Merged)
            ? RuleSlugs.ResolutionRequired
            : RuleSlugs.InvalidTransition;
        var refusal = ((Action)(() => Run(action, @case, scenario))).ShouldBeRefusedWith(slug);

        @case.Status.ShouldBe(status);
        @case.TimelineCount.ShouldBe(timeline);
        @case.PendingNotifications.ShouldBeEmpty();
        if (slug == RuleSlugs.InvalidTransition)
        {
            refusal.Message.ShouldContain($"当前状态为“{status.ToChinese()}”");
            refusal.Message.ShouldContain($"in status {status}");
        }
    }

    [Theory]
    [MemberData(nameof(PairsInsideTheDiagram))]
    public void Action_inside_the_diagram_is_not_refused_as_a_transition(CaseStatus status, CaseAction action)
    {
        var scenario = new CaseScenario();
        var @case = scenario.InStatus(status);

        // It may succeed, or a rule of its own may refuse it (no extension with that id, a claim answered on the spot…).
        var refusal = Record.Exception(() => Run(action, @case, scenario));

        (refusal as DomainRuleException)?.Rule.ShouldNotBe(RuleSlugs.InvalidTransition);
        if (refusal is not null and not DomainRuleException)
        {
            throw refusal;
        }
    }

    [Fact]
    public void The_transition_table_matches_the_diagram()
    {
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            CaseTransitions.AllowedFrom(action).ShouldBe(Expected[action], ignoreOrder: true, action.ToString());
        }
    }

    [Fact]
    public void Invalid_transition_message_names_status_and_action_in_Chinese_and_English()
    {
        var @case = new CaseScenario().Register();

        var refusal = ((Action)(() => @case.Accept(new CaseScenario().As(Cadre)))).ShouldBeRefusedWith(RuleSlugs.InvalidTransition);

        refusal.Message.ShouldBe("当前状态为“已登记”，不能受理 (cannot accept a case in status Registered)");
    }

    [Fact]
    public void Every_arrow_of_the_diagram_can_be_taken()
    {
        var s = new CaseScenario();

        // Registered ──dispatch──▶ Dispatched ──return──▶ Registered ──dispatch──▶ Dispatched ──accept──▶ Accepted
        var @case = s.Register();
        s.Step().Dispatch(@case);
        @case.Status.ShouldBe(CaseStatus.Dispatched);
        s.Step();
        @case.Return("不属于本单位职责", s.As(Cadre));
        @case.Status.ShouldBe(CaseStatus.Registered);
        s.Step().Dispatch(@case, Street);
        s.Step();
        @case.Accept(s.As(Cadre));
        @case.Status.ShouldBe(CaseStatus.Accepted);

        // Accepted ──contact──▶ InProgress ──resolve──▶ Resolved ──feedback──▶ FeedbackGiven ──close──▶ Closed
        s.Step();
        @case.RecordContact(s.Now, ContactChannel.Phone, reached: true, "已联系诉求人", s.As(Cadre));
        @case.Status.ShouldBe(CaseStatus.InProgress);
        s.Step();
        @case.Resolve(Outcome.Resolved, "已处理", s.As(Cadre));
        @case.Status.ShouldBe(CaseStatus.Resolved);
        s.Step();
        @case.RecordFeedback(ContactChannel.Phone, s.Now, reached: true, "已告知", null, s.As(Cadre));
        @case.Status.ShouldBe(CaseStatus.FeedbackGiven);
        s.Step();
        @case.Close(s.As(Desk));
        @case.Status.ShouldBe(CaseStatus.Closed);

        // Closed ──return visit: dissatisfied──▶ Reopened ──progress──▶ InProgress
        s.Step();
        @case.RecordReturnVisit(Satisfaction.Dissatisfied, solved: false, null, s.As(Desk));
        @case.Status.ShouldBe(CaseStatus.Reopened);
        s.Step();
        @case.RecordProgress("重新核查", s.As(Cadre));
        @case.Status.ShouldBe(CaseStatus.InProgress);
    }

    [Fact]
    public void Accepted_moves_to_in_progress_on_a_progress_note_too()
    {
        var s = new CaseScenario();
        var @case = s.InStatus(CaseStatus.Accepted);

        @case.RecordProgress("已调取材料", s.As(Cadre));

        @case.Status.ShouldBe(CaseStatus.InProgress);
    }

    [Fact]
    public void Registered_consultation_answered_on_the_spot_is_resolved_with_feedback_and_closes()
    {
        var s = new CaseScenario();
        var @case = s.Register(Intake(CaseKind.Consultation));

        @case.AnswerOnTheSpot("社保卡补办请携带身份证到街道社保所办理", ContactChannel.Phone, s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.FeedbackGiven);
        @case.Outcome.ShouldBe(Outcome.Explained);
        @case.Feedback.ShouldHaveSingleItem().Reached.ShouldBeTrue();
        @case.Close(s.As(Desk));
        @case.Status.ShouldBe(CaseStatus.Closed);
        @case.CloseReason.ShouldBe(CloseReason.Feedback);
    }

    [Fact]
    public void Answer_on_the_spot_is_for_consultations_only()
    {
        var s = new CaseScenario();
        var @case = s.Register(Intake(CaseKind.Claim));

        ((Action)(() => @case.AnswerOnTheSpot("答复", ContactChannel.Phone, s.As(Desk)))).ShouldBeRefusedWith(RuleSlugs.ConsultationOnly);
    }

    [Fact]
    public void Registered_not_accepted_is_resolved_with_the_reason()
    {
        var s = new CaseScenario();
        var @case = s.Register();

        @case.NotAccept("已进入诉讼程序，依法不予受理", s.As(Dispatcher));

        @case.Status.ShouldBe(CaseStatus.Resolved);
        @case.Outcome.ShouldBe(Outcome.NotAccepted);
        @case.ResolutionSummary.ShouldBe("已进入诉讼程序，依法不予受理");
        @case.ResolvedAtUtc.ShouldBe(s.Now);
        @case.FeedbackDeadlineUtc.ShouldBe(Calendar.DeadlineFrom(s.Now, Terms.Feedback));
    }

    [Fact]
    public void Registered_merged_into_another_case_is_merged()
    {
        var s = new CaseScenario();
        var @case = s.InStatus(CaseStatus.Merged);

        @case.Status.ShouldBe(CaseStatus.Merged);
        @case.IsOpen.ShouldBeFalse();
    }

    [Theory]
    [InlineData(CaseStatus.Dispatched)]
    [InlineData(CaseStatus.Accepted)]
    [InlineData(CaseStatus.InProgress)]
    [InlineData(CaseStatus.Reopened)]
    public void Office_can_redispatch_a_case_the_unit_holds(CaseStatus status)
    {
        var s = new CaseScenario();
        var @case = s.InStatus(status);

        s.Step().Dispatch(@case, Street);

        @case.Status.ShouldBe(CaseStatus.Dispatched);
        @case.UnitId.ShouldBe(Street);
        @case.Timeline.Last().Action.ShouldBe(TimelineActions.Redispatched);
    }

    [Fact]
    public void Resolved_closes_directly_when_the_last_mile_is_met_without_reaching_anyone()
    {
        var s = new CaseScenario();
        var @case = s.InStatus(CaseStatus.Resolved, Intake(anonymous: true));

        @case.Close(s.As(Desk));

        @case.Status.ShouldBe(CaseStatus.Closed);
    }

    private static TheoryData<CaseStatus, CaseAction> Pairs(bool allowed)
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                if (Expected[action].Contains(status) == allowed)
                {
                    data.Add(status, action);
                }
            }
        }

        return data;
    }

    /// <summary>Each action with arguments that are valid in themselves, so only the status can refuse it.</summary>
    private static void Run(CaseAction action, Case @case, CaseScenario s)
    {
        var other = s.Register();
        switch (action)
        {
            case CaseAction.Dispatch: @case.Dispatch(Street, Ancestry(Street), null, null, s.As(Dispatcher)); break;
            case CaseAction.Assign: @case.Assign("cadre2", s.As(UnitLeader)); break;
            case CaseAction.Accept: @case.Accept(s.As(Cadre)); break;
            case CaseAction.Return: @case.Return("不属于本单位职责", s.As(Cadre)); break;
            case CaseAction.RecordContact: @case.RecordContact(s.Now, ContactChannel.Phone, true, "已联系", s.As(Cadre)); break;
            case CaseAction.RecordProgress: @case.RecordProgress("正在协调", s.As(Cadre)); break;
            case CaseAction.RequestExtension: @case.RequestExtension(5, "需要现场勘查", s.As(Cadre)); break;
            case CaseAction.DecideExtension: @case.ApproveExtension(999, s.As(UnitLeader)); break;
            case CaseAction.RequestPause: @case.RequestPause("等待鉴定结论", s.As(Cadre)); break;
            case CaseAction.DecidePause: @case.ApprovePause(999, s.As(UnitLeader)); break;
            case CaseAction.Resume: @case.Resume(s.As(Cadre)); break;
            case CaseAction.Resolve: @case.Resolve(Outcome.Resolved, "已处理", s.As(Cadre)); break;
            case CaseAction.NotAccept: @case.NotAccept("不属于受理范围", s.As(Dispatcher)); break;
            case CaseAction.AnswerOnTheSpot: @case.AnswerOnTheSpot("答复", ContactChannel.Phone, s.As(Desk)); break;
            case CaseAction.RecordFeedback: @case.RecordFeedback(ContactChannel.Phone, s.Now, true, "已告知", null, s.As(Cadre)); break;
            case CaseAction.Close: @case.Close(s.As(Desk)); break;
            case CaseAction.RecordReturnVisit: @case.RecordReturnVisit(Satisfaction.Satisfied, true, null, s.As(Desk)); break;
            case CaseAction.MergeInto: @case.MergeInto(other, CaseScenario.UnitsOf(other), s.As(Desk)); break;
            case CaseAction.MarkRepeatOf: @case.MarkRepeatOf(other, null, CaseScenario.UnitsOf(other), s.As(Desk)); break;
            case CaseAction.IssueSupervision: @case.IssueSupervision(SupervisionSource.Leader, "请加快办理", s.As(Leader)); break;
            case CaseAction.RecordEscalation: @case.RecordEscalation(EscalationStep.Warning, "办理时限", s.Now.AddDays(1), s.As(Actor.System)); break;
            case CaseAction.AddAttachment: @case.AddAttachment(new NewAttachment("现场照片.jpg", "image/jpeg", 100, "key"), s.As(Cadre)); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
