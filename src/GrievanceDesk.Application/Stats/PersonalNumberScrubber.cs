using System.Text.RegularExpressions;
using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// Masks phone and ID numbers that people typed into free text (a subject, a return-visit note, a pause reason) before
/// the text leaves in a statistic or the briefing (SPEC §7): 13812345678 → 138****5678, an ID number → 110***********1234.
/// Any run of seven or more digits is taken for a number and masked.
/// </summary>
public static partial class PersonalNumberScrubber
{
    public static string Scrub(string? text) =>
        string.IsNullOrEmpty(text)
            ? string.Empty
            : Numbers().Replace(text, m => m.Length == 18 ? Masking.IdNumber(m.Value) : Masking.Phone(m.Value));

    [GeneratedRegex(@"\d{17}[\dXx]|\d{7,}")]
    private static partial Regex Numbers();
}
