using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Tests.Sla;

public class SlaPolicySelectorTests
{
    private const int Utilities = 12; // 城乡建设/水电气热
    private const int UrbanConstruction = 1; // 城乡建设
    private static readonly int[] Ancestry = [Utilities, UrbanConstruction];

    private static SlaPolicy Policy(int id, int? categoryId, Urgency? urgency, SlaTrack track = SlaTrack.Hotline, bool active = true)
    {
        var policy = SlaDefaults.HotlineGeneral.ToPolicy(null);
        policy.Update($"policy {id}", track, categoryId, urgency, policy.Terms, active);
        policy.Id = id;
        return policy;
    }

    private static int SelectedId(IEnumerable<SlaPolicy> policies, Urgency urgency = Urgency.Normal, IReadOnlyList<int>? ancestry = null) =>
        SlaPolicySelector.Select(policies, SlaTrack.Hotline, ancestry ?? Ancestry, urgency).Id;

    [Fact]
    public void The_leaf_category_beats_its_parent_which_beats_any_category()
    {
        var any = Policy(1, null, null);
        var parent = Policy(2, UrbanConstruction, null);
        var leaf = Policy(3, Utilities, null);

        SelectedId([any, parent, leaf]).ShouldBe(3);
        SelectedId([leaf, parent, any]).ShouldBe(3);
        SelectedId([any, parent]).ShouldBe(2);
        SelectedId([any]).ShouldBe(1);
    }

    [Fact]
    public void At_the_same_category_level_an_exact_urgency_beats_any_urgency()
    {
        SelectedId([Policy(1, Utilities, null), Policy(2, Utilities, Urgency.Urgent)], Urgency.Urgent).ShouldBe(2);
        SelectedId([Policy(1, null, null), Policy(2, null, Urgency.Urgent)], Urgency.Urgent).ShouldBe(2);
    }

    [Fact]
    public void Category_specificity_outranks_urgency()
    {
        SelectedId([Policy(1, null, Urgency.Urgent), Policy(2, UrbanConstruction, null)], Urgency.Urgent).ShouldBe(2);
    }

    [Fact]
    public void Policies_for_another_urgency_track_or_category_or_inactive_ones_do_not_apply()
    {
        var policies = new[]
        {
            Policy(1, null, null),
            Policy(2, Utilities, Urgency.Urgent),
            Policy(3, Utilities, null, SlaTrack.Petition),
            Policy(4, 99, null),
            Policy(5, Utilities, null, active: false),
        };

        SelectedId(policies, Urgency.Normal).ShouldBe(1);
    }

    [Fact]
    public void A_case_without_category_gets_a_policy_for_any_category()
    {
        SelectedId([Policy(1, Utilities, null), Policy(2, null, null)], ancestry: []).ShouldBe(2);
    }

    [Fact]
    public void Equally_specific_policies_resolve_to_the_lowest_id_in_any_order()
    {
        SelectedId([Policy(8, Utilities, null), Policy(5, Utilities, null)]).ShouldBe(5);
        SelectedId([Policy(5, Utilities, null), Policy(8, Utilities, null)]).ShouldBe(5);
    }

    [Fact]
    public void No_applicable_policy_is_refused_as_sla_policy_missing()
    {
        var refused = Should.Throw<DomainRuleException>(() =>
            SlaPolicySelector.Select([Policy(1, null, null, SlaTrack.Petition), Policy(2, 99, null)], SlaTrack.Hotline, Ancestry, Urgency.Normal));

        refused.Rule.ShouldBe("sla-policy-missing");
    }

    [Theory]
    [InlineData(Urgency.Normal, "接诉即办（水电气热）", 2)]
    [InlineData(Urgency.Urgent, "接诉即办（紧急）", 1)]
    public void With_the_seed_policies_a_utilities_call_is_dispatched_within_2_hours_or_1_when_urgent(Urgency urgency, string policyName, int acceptHours)
    {
        var seeded = SlaDefaults.Policies
            .Select((d, i) => Seed(d, i + 1))
            .ToList();

        var selected = SlaPolicySelector.Select(seeded, SlaTrack.Hotline, Ancestry, urgency);

        selected.Name.ShouldBe(policyName);
        selected.Terms.Accept.ShouldBe(SlaDuration.Hours(acceptHours));
    }

    [Theory]
    [InlineData(SlaTrack.Hotline, Urgency.Normal, "接诉即办（一般）")]
    [InlineData(SlaTrack.Hotline, Urgency.Urgent, "接诉即办（紧急）")]
    [InlineData(SlaTrack.Petition, Urgency.Normal, "信访事项（普通）")]
    [InlineData(SlaTrack.Petition, Urgency.Urgent, "信访事项（普通）")]
    public void With_the_seed_policies_other_categories_get_the_track_default(SlaTrack track, Urgency urgency, string policyName)
    {
        var seeded = SlaDefaults.Policies.Select((d, i) => Seed(d, i + 1)).ToList();

        SlaPolicySelector.Select(seeded, track, [40, 4], urgency).Name.ShouldBe(policyName);
    }

    private static SlaPolicy Seed(SlaPolicyDefault seed, int id)
    {
        var policy = seed.ToPolicy(seed.CategoryCode == SlaDefaults.UtilitiesCategoryCode ? Utilities : null);
        policy.Id = id;
        return policy;
    }
}
