using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using Case = GrievanceDesk.Domain.Cases.Case;

namespace GrievanceDesk.Domain.Tests.Sla;

public class SlaPolicyLookupTests
{
    private const int UrbanConstruction = 1; // 城乡建设
    private const int Utilities = 12; // 城乡建设/水电气热
    private const int Heating = 121; // 城乡建设/水电气热/供暖
    private static readonly Dictionary<int, int?> Parents = new() { [UrbanConstruction] = null, [Utilities] = UrbanConstruction, [Heating] = Utilities };

    private static SlaPolicy Policy(int id, SlaTrack track, int? categoryId = null, Urgency? urgency = null, bool active = true)
    {
        var policy = SlaDefaults.HotlineGeneral.ToPolicy(null);
        policy.Update($"policy {id}", track, categoryId, urgency, policy.Terms, active);
        policy.Id = id;
        return policy;
    }

    [Theory]
    [InlineData(Channel.Call, 1)]
    [InlineData(Channel.Online, 1)]
    [InlineData(Channel.Visit, 2)]
    [InlineData(Channel.Letter, 2)]
    [InlineData(Channel.Transfer, 2)]
    public void The_channel_picks_the_track(Channel channel, int expected)
    {
        SlaPolicy[] policies = [Policy(1, SlaTrack.Hotline), Policy(2, SlaTrack.Petition)];
        SlaPolicyLookup.For(policies, Parents, channel, Heating, Urgency.Normal).Id.ShouldBe(expected);
    }

    [Fact]
    public void A_category_inherits_the_policy_of_its_nearest_ancestor()
    {
        SlaPolicy[] policies = [Policy(1, SlaTrack.Hotline), Policy(2, SlaTrack.Hotline, UrbanConstruction), Policy(3, SlaTrack.Hotline, Utilities)];
        SlaPolicyLookup.For(policies, Parents, Channel.Call, Heating, Urgency.Normal).Id.ShouldBe(3);
        SlaPolicyLookup.For(policies[..2], Parents, Channel.Call, Heating, Urgency.Normal).Id.ShouldBe(2);
    }

    [Fact]
    public void A_collective_petition_is_held_to_the_urgent_policy()
    {
        SlaPolicy[] policies = [Policy(1, SlaTrack.Petition), Policy(2, SlaTrack.Petition, urgency: Urgency.Urgent)];
        SlaPolicyLookup.For(policies, Parents, Channel.Visit, Heating, Case.UrgencyOf(Case.CollectiveHeadCount, Urgency.Normal)).Id.ShouldBe(2);
        SlaPolicyLookup.For(policies, Parents, Channel.Visit, Heating, Case.UrgencyOf(Case.CollectiveHeadCount - 1, Urgency.Normal)).Id.ShouldBe(1);
    }

    [Fact]
    public void An_inactive_policy_never_applies()
    {
        SlaPolicy[] policies = [Policy(1, SlaTrack.Hotline), Policy(2, SlaTrack.Hotline, Heating, active: false)];
        SlaPolicyLookup.For(policies, Parents, Channel.Call, Heating, Urgency.Normal).Id.ShouldBe(1);
        Should.Throw<DomainRuleException>(() => SlaPolicyLookup.For(policies[1..], Parents, Channel.Call, Heating, Urgency.Normal))
            .Rule.ShouldBe("sla-policy-missing");
    }
}
