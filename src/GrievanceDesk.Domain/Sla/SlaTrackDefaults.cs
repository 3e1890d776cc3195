using GrievanceDesk.Domain.Cases;

namespace GrievanceDesk.Domain.Sla;

public static class SlaTrackDefaults
{
    /// <summary>Calls and online cases follow the hotline (接诉即办); visits, letters and transfers the petition rules (信访).</summary>
    public static SlaTrack For(Channel channel) => channel switch
    {
        Channel.Call or Channel.Online => SlaTrack.Hotline,
        Channel.Visit or Channel.Letter or Channel.Transfer => SlaTrack.Petition,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };
}
