using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;

namespace GrievanceDesk.Domain.Tests.Sla;

public class SlaTrackDefaultsTests
{
    [Theory]
    [InlineData(Channel.Call, SlaTrack.Hotline)]
    [InlineData(Channel.Online, SlaTrack.Hotline)]
    [InlineData(Channel.Visit, SlaTrack.Petition)]
    [InlineData(Channel.Letter, SlaTrack.Petition)]
    [InlineData(Channel.Transfer, SlaTrack.Petition)]
    public void Calls_and_online_cases_follow_the_hotline_and_the_rest_the_petition_rules(Channel channel, SlaTrack track) =>
        SlaTrackDefaults.For(channel).ShouldBe(track);
}
