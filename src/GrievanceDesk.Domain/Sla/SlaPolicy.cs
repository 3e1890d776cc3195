using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Sla;

/// <summary>
/// 时限规则: the stage periods and escalation ladder for cases of one track, optionally narrowed to a category
/// (inherited down the category tree) and an urgency. Admins edit it; <see cref="SlaPolicySelector"/> picks one per case.
/// </summary>
public sealed class SlaPolicy
{
    public const int NameMaxLength = 64;

    // For EF Core.
    private SlaPolicy()
    {
    }

    public SlaPolicy(string name, SlaTrack track, int? categoryId, Urgency? urgency, SlaTerms terms)
    {
        Apply(name, track, categoryId, urgency, terms);
        IsActive = true;
    }

    public int Id { get; set; }

    /// <summary>Display name in Chinese, e.g. 信访事项（普通）.</summary>
    public string Name { get; private set; } = string.Empty;

    public SlaTrack Track { get; private set; }

    /// <summary>Null: any category.</summary>
    public int? CategoryId { get; private set; }

    /// <summary>Null: any urgency.</summary>
    public Urgency? Urgency { get; private set; }

    public int AcceptAmount { get; private set; }
    public DurationUnit AcceptUnit { get; private set; }

    /// <summary>Null when the policy sets no first-contact deadline.</summary>
    public int? ContactAmount { get; private set; }
    public DurationUnit? ContactUnit { get; private set; }

    public int HandleAmount { get; private set; }
    public DurationUnit HandleUnit { get; private set; }

    public int FeedbackAmount { get; private set; }
    public DurationUnit FeedbackUnit { get; private set; }

    public int MaxExtensionDays { get; private set; }
    public DurationUnit ExtensionUnit { get; private set; }

    public int WarnBeforeHours { get; private set; }
    public int SupervisionAfterWorkingDays { get; private set; } = 3;
    public int LeaderSupervisionAfterWorkingDays { get; private set; } = 10;

    public bool IsActive { get; private set; }

    /// <summary>The periods as one value (not stored): what deadlines and escalations are computed from.</summary>
    public SlaTerms Terms => new(
        new SlaDuration(AcceptAmount, AcceptUnit),
        ContactAmount is { } contactAmount && ContactUnit is { } contactUnit ? new SlaDuration(contactAmount, contactUnit) : null,
        new SlaDuration(HandleAmount, HandleUnit),
        new SlaDuration(FeedbackAmount, FeedbackUnit),
        MaxExtensionDays,
        ExtensionUnit,
        TimeSpan.FromHours(WarnBeforeHours),
        SupervisionAfterWorkingDays,
        LeaderSupervisionAfterWorkingDays);

    /// <summary>An admin's edit. Checks every invariant first, so a refused edit changes nothing.</summary>
    public void Update(string name, SlaTrack track, int? categoryId, Urgency? urgency, SlaTerms terms, bool isActive)
    {
        Apply(name, track, categoryId, urgency, terms);
        IsActive = isActive;
    }

    private void Apply(string name, SlaTrack track, int? categoryId, Urgency? urgency, SlaTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!Enum.IsDefined(track))
        {
            throw new ArgumentOutOfRangeException(nameof(track), track, "Unknown SLA track.");
        }

        if (urgency is { } u && !Enum.IsDefined(u))
        {
            throw new ArgumentOutOfRangeException(nameof(urgency), urgency, "Unknown urgency.");
        }

        Validate(name, terms);

        Name = name.Trim();
        Track = track;
        CategoryId = categoryId;
        Urgency = urgency;
        (AcceptAmount, AcceptUnit) = (terms.Accept.Amount, terms.Accept.Unit);
        (ContactAmount, ContactUnit) = (terms.Contact?.Amount, terms.Contact?.Unit);
        (HandleAmount, HandleUnit) = (terms.Handle.Amount, terms.Handle.Unit);
        (FeedbackAmount, FeedbackUnit) = (terms.Feedback.Amount, terms.Feedback.Unit);
        (MaxExtensionDays, ExtensionUnit) = (terms.MaxExtensionDays, terms.ExtensionUnit);
        WarnBeforeHours = (int)terms.WarnBefore.TotalHours;
        SupervisionAfterWorkingDays = terms.SupervisionAfterWorkingDays;
        LeaderSupervisionAfterWorkingDays = terms.LeaderSupervisionAfterWorkingDays;
    }

    private static void Validate(string name, SlaTerms terms)
    {
        Rules.Check(
            string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength,
            "sla-policy-name-invalid",
            $"An SLA policy needs a name of at most {NameMaxLength} characters.");

        CheckPeriod("accept", terms.Accept);
        if (terms.Contact is { } contact)
        {
            CheckPeriod("contact", contact);
        }

        CheckPeriod("handle", terms.Handle);
        CheckPeriod("feedback", terms.Feedback);

        // Extensions are granted in days; zero means the policy allows none.
        Rules.Check(
            terms.MaxExtensionDays < 0 || terms.ExtensionUnit is not (DurationUnit.CalendarDays or DurationUnit.WorkingDays),
            "sla-policy-extension-invalid",
            "The extension cap must be zero or more calendar or working days.");

        // Stored as whole hours; zero warns at the deadline itself, i.e. gives no advance warning.
        Rules.Check(
            terms.WarnBefore < TimeSpan.Zero || terms.WarnBefore.Ticks % TimeSpan.TicksPerHour != 0,
            "sla-policy-warning-invalid",
            "The warning must come a whole number of hours (zero or more) before the deadline.");

        // Overdue → supervision (督办) → leader supervision (领导督办): each step strictly later than the one before.
        Rules.Check(
            terms.SupervisionAfterWorkingDays < 1 || terms.LeaderSupervisionAfterWorkingDays <= terms.SupervisionAfterWorkingDays,
            "sla-policy-ladder-not-increasing",
            "Supervision must come at least 1 working day after the deadline, and leader supervision after supervision.");
    }

    private static void CheckPeriod(string stage, SlaDuration period) =>
        Rules.Check(
            period.Amount <= 0 || !Enum.IsDefined(period.Unit),
            "sla-policy-period-invalid",
            $"The {stage} period must be a positive number of calendar days, working days or hours (was {period.Amount} {period.Unit}).");
}
