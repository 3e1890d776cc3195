using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Search;

/// <summary>
/// The one search of the office (API q=, the desk's search page, the intake look-up): a tracking number, a
/// complainant's phone, name or ID number (exact), or words of the subject, content and address (full text, 2-character
/// Chinese words included). Exact matches come first; then text matches, those with the words in their subject before
/// those with them only in the content or address, each newest first.
/// A report's complainant is hidden from the respondent unit, so their name, phone or ID number never finds the report
/// for that unit (检举控告的身份保护).
/// </summary>
public sealed class CaseSearch(IAppDbContext db, ICaseTextSearch text, IIdNumberIndex idNumbers)
{
    /// <summary>
    /// How many of the most recent text matches are ranked by relevance (subject before content). A 2-character word can
    /// match a tenth of a million cases; ranking them all would cost more than the page. The total still counts to 10,000.
    /// </summary>
    public const int RankedWindow = 2_000;

    /// <summary>The ids of one page of <paramref name="cases"/> (already filtered to what the viewer may see) matching the search, and the count up to 10,001.</summary>
    public async Task<(List<long> Ids, int Counted)> Search(IQueryable<Case> cases, string query, IReadOnlyList<int> viewerAncestry, int skip, int take, CancellationToken ct)
    {
        var term = query.Trim();
        var limit = PagedResult<CaseListItemDto>.TotalLimit + 1;
        // Two index lookups (the tracking number; the complainants by name, phone or ID hash), merged here: one OR over
        // both would read every case.
        var byNumber = await cases.Where(c => c.TrackingNo == term).Select(c => new { c.Id, c.RegisteredAtUtc }).Take(limit).ToListAsync(ct);
        var byPerson = await ByPerson(cases, term, viewerAncestry).Select(c => new { c.Id, c.RegisteredAtUtc }).Take(limit).ToListAsync(ct);
        var exact = byNumber.Concat(byPerson).DistinctBy(c => c.Id)
            .OrderByDescending(c => c.RegisteredAtUtc).ThenByDescending(c => c.Id).Select(c => c.Id).Take(limit).ToList();

        var phrases = SearchTerms.Query(term);
        if (phrases.Count == 0)
        {
            return (exact.Skip(skip).Take(take).ToList(), exact.Count);
        }

        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matching = cases.Join(text.Matching(phrases), c => c.Id, h => h.CaseId, (c, h) => new { Id = h.CaseId, c.Subject, c.RegisteredAtUtc });
        // The matches' ids up to the bound: their count, and (below) their overlap with the exact matches, counted here
        // rather than by sending the exact ids back to the database (thousands of parameters for a common name: 0.5–1 s).
        var textIds = await matching.Select(m => m.Id).Take(limit).ToListAsync(ct);
        var textCount = textIds.Count;
        // The most recent matches (the index read backwards), then those with the words in their subject first.
        var window = await matching.OrderByDescending(m => m.Id).Take(RankedWindow).ToListAsync(ct);
        var ranked = window
            .OrderBy(m => words.All(w => m.Subject.Contains(w, StringComparison.OrdinalIgnoreCase)) ? 0 : 1)
            .ThenByDescending(m => m.RegisteredAtUtc).ThenByDescending(m => m.Id)
            .Select(m => m.Id).ToList();
        var exactSet = exact.ToHashSet();
        var order = exact.Concat(ranked.Where(id => !exactSet.Contains(id))).ToList();
        if (order.Count < skip + take && textCount > ranked.Count)
        {
            // Past the ranked window: the older matches, newest first.
            order.AddRange(await matching.OrderByDescending(m => m.Id).Skip(ranked.Count).Take(skip + take - order.Count)
                .Select(m => m.Id).ToListAsync(ct));
        }

        // Past the bound the total shows as "10,000+" whatever the overlap.
        var overlap = exact.Count == 0 ? 0 : textIds.Intersect(exact).Count();
        return (order.Skip(skip).Take(take).ToList(), exact.Count + textCount - overlap);
    }

    /// <summary>The cases the search finds, as a filter (for a list in another order): found by number, or by text.</summary>
    public IQueryable<Case> Filter(IQueryable<Case> cases, string query, IReadOnlyList<int> viewerAncestry)
    {
        var term = query.Trim();
        var byNumber = cases.Where(c => c.TrackingNo == term).Select(c => c.Id);
        var byPerson = ByPerson(cases, term, viewerAncestry).Select(c => c.Id);
        var phrases = SearchTerms.Query(term);
        if (phrases.Count == 0)
        {
            return cases.Where(c => byNumber.Contains(c.Id) || byPerson.Contains(c.Id));
        }

        var textIds = text.Matching(phrases).Select(h => h.CaseId);
        return cases.Where(c => byNumber.Contains(c.Id) || byPerson.Contains(c.Id) || textIds.Contains(c.Id));
    }

    /// <summary>
    /// Cases found by a complainant's phone, name or ID number (by its keyed hash: ID numbers are encrypted), read from
    /// the complainants' indexes; never a report for the unit it is about (the identity rule).
    /// </summary>
    private IQueryable<Case> ByPerson(IQueryable<Case> cases, string term, IReadOnlyList<int> viewerAncestry)
    {
        // From the complainants' own indexes (name, phone, ID hash) to their cases: driven from the cases instead, a
        // unit's search read every case of the unit (0.9 s over a million cases).
        var idHashes = PersonalNumbers.IsIdNumber(term) ? idNumbers.HashesOf(term) : [];
        var caseIds = db.Complainants
            .Where(p => p.Name == term || p.Phone == term || idHashes.Contains(EF.Property<string>(p, IIdNumberIndex.HashProperty)))
            .Select(p => EF.Property<long>(p, IAppDbContext.CaseKey));
        return cases.Where(c => caseIds.Contains(c.Id)).Where(CaseStates.ShowsIdentityTo(viewerAncestry));
    }
}
