using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Sla;

public class SlaPolicyTests
{
    private static readonly SlaTerms ValidTerms = new(
        Accept: SlaDuration.Hours(24),
        Contact: SlaDuration.Hours(24),
        Handle: SlaDuration.CalendarDays(7),
        Feedback: SlaDuration.WorkingDays(1),
        MaxExtensionDays: 8,
        ExtensionUnit: DurationUnit.CalendarDays,
        WarnBefore: TimeSpan.FromHours(4),
        SupervisionAfterWorkingDays: 2,
        LeaderSupervisionAfterWorkingDays: 6);

    [Fact]
    public void A_new_policy_is_active_and_gives_back_its_terms()
    {
        var policy = new SlaPolicy("接诉即办（一般）", SlaTrack.Hotline, categoryId: 12, Urgency.Urgent, ValidTerms);

        policy.IsActive.ShouldBeTrue();
        policy.Terms.ShouldBe(ValidTerms);
        (policy.Name, policy.Track, policy.CategoryId, policy.Urgency).ShouldBe(("接诉即办（一般）", SlaTrack.Hotline, (int?)12, (Urgency?)Urgency.Urgent));
        (policy.HandleAmount, policy.HandleUnit, policy.WarnBeforeHours).ShouldBe((7, DurationUnit.CalendarDays, 4));
    }

    [Fact]
    public void A_policy_without_a_contact_stage_keeps_none()
    {
        var policy = new SlaPolicy("信访事项（普通）", SlaTrack.Petition, null, null, ValidTerms with { Contact = null });

        policy.ContactAmount.ShouldBeNull();
        policy.ContactUnit.ShouldBeNull();
        policy.Terms.Contact.ShouldBeNull();
    }

    [Fact]
    public void The_ladder_defaults_to_3_and_10_working_days()
    {
        var terms = new SlaTerms(
            SlaDuration.CalendarDays(15), null, SlaDuration.CalendarDays(60), SlaDuration.WorkingDays(5), 30, DurationUnit.CalendarDays, TimeSpan.FromHours(72));

        var policy = new SlaPolicy("信访事项（普通）", SlaTrack.Petition, null, null, terms);

        (policy.SupervisionAfterWorkingDays, policy.LeaderSupervisionAfterWorkingDays).ShouldBe((3, 10));
    }

    public static TheoryData<string, SlaTerms> BrokenTerms() => new()
    {
        { "sla-policy-period-invalid", ValidTerms with { Accept = SlaDuration.Hours(0) } },
        { "sla-policy-period-invalid", ValidTerms with { Contact = SlaDuration.Hours(-2) } },
        { "sla-policy-period-invalid", ValidTerms with { Handle = SlaDuration.CalendarDays(0) } },
        { "sla-policy-period-invalid", ValidTerms with { Feedback = SlaDuration.WorkingDays(-1) } },
        { "sla-policy-period-invalid", ValidTerms with { Handle = new SlaDuration(7, (DurationUnit)42) } },
        { "sla-policy-extension-invalid", ValidTerms with { MaxExtensionDays = -1 } },
        { "sla-policy-extension-invalid", ValidTerms with { ExtensionUnit = DurationUnit.Hours } },
        { "sla-policy-warning-invalid", ValidTerms with { WarnBefore = TimeSpan.FromHours(-1) } },
        { "sla-policy-warning-invalid", ValidTerms with { WarnBefore = TimeSpan.FromMinutes(90) } },
        { "sla-policy-ladder-not-increasing", ValidTerms with { SupervisionAfterWorkingDays = 0 } },
        { "sla-policy-ladder-not-increasing", ValidTerms with { LeaderSupervisionAfterWorkingDays = 2 } },
        { "sla-policy-ladder-not-increasing", ValidTerms with { SupervisionAfterWorkingDays = 7 } },
    };

    [Theory]
    [MemberData(nameof(BrokenTerms))]
    public void A_policy_with_broken_terms_is_refused_with_the_rule_slug(string slug, SlaTerms terms)
    {
        var refused = Should.Throw<DomainRuleException>(() => new SlaPolicy("接诉即办（一般）", SlaTrack.Hotline, null, null, terms));

        refused.Rule.ShouldBe(slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_policy_needs_a_name(string name) =>
        Should.Throw<DomainRuleException>(() => new SlaPolicy(name, SlaTrack.Hotline, null, null, ValidTerms))
            .Rule.ShouldBe("sla-policy-name-invalid");

    [Fact]
    public void A_name_longer_than_the_column_is_refused() =>
        Should.Throw<DomainRuleException>(() => new SlaPolicy(new string('规', SlaPolicy.NameMaxLength + 1), SlaTrack.Hotline, null, null, ValidTerms))
            .Rule.ShouldBe("sla-policy-name-invalid");

    [Fact]
    public void Zero_extension_days_and_zero_warning_hours_mean_none_and_are_allowed()
    {
        var policy = new SlaPolicy("不可延期", SlaTrack.Hotline, null, null, ValidTerms with { MaxExtensionDays = 0, WarnBefore = TimeSpan.Zero });

        (policy.MaxExtensionDays, policy.WarnBeforeHours).ShouldBe((0, 0));
    }

    [Fact]
    public void An_admin_edit_replaces_every_field()
    {
        var policy = new SlaPolicy("接诉即办（一般）", SlaTrack.Hotline, null, null, ValidTerms);
        var edited = ValidTerms with { Handle = SlaDuration.WorkingDays(5), Contact = null, WarnBefore = TimeSpan.FromHours(8) };

        policy.Update(" 信访事项（环保） ", SlaTrack.Petition, 7, Urgency.Normal, edited, isActive: false);

        (policy.Name, policy.Track, policy.CategoryId, policy.Urgency, policy.IsActive)
            .ShouldBe(("信访事项（环保）", SlaTrack.Petition, (int?)7, (Urgency?)Urgency.Normal, false));
        policy.Terms.ShouldBe(edited);
    }

    [Fact]
    public void A_refused_edit_changes_nothing()
    {
        var policy = new SlaPolicy("接诉即办（一般）", SlaTrack.Hotline, 3, null, ValidTerms);

        Should.Throw<DomainRuleException>(() =>
            policy.Update("改名", SlaTrack.Petition, 9, Urgency.Urgent, ValidTerms with { Handle = SlaDuration.CalendarDays(0) }, isActive: false));

        (policy.Name, policy.Track, policy.CategoryId, policy.Urgency, policy.IsActive)
            .ShouldBe(("接诉即办（一般）", SlaTrack.Hotline, (int?)3, (Urgency?)null, true));
        policy.Terms.ShouldBe(ValidTerms);
    }
}
