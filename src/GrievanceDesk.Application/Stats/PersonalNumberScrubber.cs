using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// Free text in a statistic or the briefing, where the case's complainants are not at hand: the domain's one masking
/// policy (<see cref="FreeTextMasking"/>) without names. Where the case is known, call the policy with its complainants.
/// </summary>
public static class PersonalNumberScrubber
{
    public static string Scrub(string? text) => FreeTextMasking.Mask(text);
}
