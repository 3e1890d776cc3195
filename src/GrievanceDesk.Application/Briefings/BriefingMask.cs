using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Briefings;

/// <summary>
/// The briefing goes to leaders and units beyond the case: its free text (subjects, notes, reasons) passes the domain's
/// masking policy with the names of each listed case's own complainants (docs/data-protection.md).
/// </summary>
internal static class BriefingMask
{
    /// <summary>A function (tracking number, text) → masked text, for the cases listed.</summary>
    public static async Task<Func<string, string?, string>> ForAsync(IAppDbContext db, IReadOnlyCollection<string> trackingNos, CancellationToken ct)
    {
        var wanted = trackingNos.Distinct().ToList();
        var names = await db.Cases.AsNoTracking()
            .Where(c => wanted.Contains(c.TrackingNo))
            .Select(c => new { c.TrackingNo, Names = c.Complainants.Select(p => p.Name).ToList() })
            .ToDictionaryAsync(c => c.TrackingNo, c => c.Names, ct);
        return (trackingNo, text) => FreeTextMasking.Mask(text, names.GetValueOrDefault(trackingNo));
    }
}
