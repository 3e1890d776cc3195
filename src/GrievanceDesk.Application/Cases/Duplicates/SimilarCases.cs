using GrievanceDesk.Domain.Common;
using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Duplicates;

public sealed record SimilarCaseDto(long Id, string TrackingNo, CaseStatus Status, string StatusName, string Subject, string Address, DateTimeOffset RegisteredAt, string? UnitName, double Score, IReadOnlyList<string> Reasons)
{
    /// <summary>The earlier complainant with the same phone (name and address), for the desk to fill in at intake.</summary>
    public string? CallerName { get; init; }

    public string? CallerAddress { get; init; }
}

/// <summary>GET /api/cases/{id}/similar: possible repeats and duplicates of a case.</summary>
public sealed record FindSimilarCases(long CaseId) : IQuery<IReadOnlyList<SimilarCaseDto>>;

/// <summary>The same search at intake, before the case exists: as the desk types the phone, ID number or address.</summary>
public sealed record LookupSimilarCases(string? Phone, string? IdNumber, string? Address, string? Content) : IQuery<IReadOnlyList<SimilarCaseDto>>;

public sealed class LookupSimilarCasesValidator : AbstractValidator<LookupSimilarCases>
{
    public LookupSimilarCasesValidator()
    {
        RuleFor(x => x.Phone).MaximumLength(32);
        RuleFor(x => x.IdNumber).MaximumLength(18);
        RuleFor(x => x.Address).MaximumLength(200);
        RuleFor(x => x.Content).MaximumLength(4000);
    }
}

public sealed class SimilarCaseHandlers(
    IAppDbContext db,
    ICurrentUser user,
    CaseReader reader,
    IIdNumberIndex idNumbers,
    TimeProvider clock) :
    IQueryHandler<FindSimilarCases, IReadOnlyList<SimilarCaseDto>>,
    IQueryHandler<LookupSimilarCases, IReadOnlyList<SimilarCaseDto>>
{
    /// <summary>How far back a closed case still counts as a possible repeat.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);

    /// <summary>Content similarity (character bigrams) from which two cases at one address look alike.</summary>
    public const double SimilarContent = 0.3;

    public async ValueTask<IReadOnlyList<SimilarCaseDto>> Handle(FindSimilarCases query, CancellationToken ct)
    {
        var source = await db.Cases.AsNoTracking().Include(c => c.Complainants).SingleOrDefaultAsync(c => c.Id == query.CaseId, ct);
        if (source is null || !CasePermissions.MaySee(user, source.UnitId))
        {
            throw new NotFoundException("案件", query.CaseId);
        }

        // A report's complainant is hidden from the respondent unit: their phone and ID number do not search for them either.
        var person = source.HidesIdentityFrom(await reader.ViewerUnitAncestry(ct)) ? null : source.Complainants.FirstOrDefault();
        return await Search(person?.Phone, person?.IdNumber, source.Address, source.Content, source.Id, ct);
    }

    public async ValueTask<IReadOnlyList<SimilarCaseDto>> Handle(LookupSimilarCases query, CancellationToken ct) =>
        await Search(Blank(query.Phone), Blank(query.IdNumber), Blank(query.Address), query.Content, excludeId: null, ct);

    /// <summary>
    /// Same phone or ID number (strong), or the same address with similar content; open, or closed within 180 days.
    /// Ranked by score, each with the reasons it matched.
    /// </summary>
    private async Task<IReadOnlyList<SimilarCaseDto>> Search(string? phone, string? idNumber, string? address, string? content, long? excludeId, CancellationToken ct)
    {
        if (phone is null && idNumber is null && address is null)
        {
            return [];
        }

        // ID numbers are encrypted with a random nonce: equal numbers are found by their keyed hash, never by the column.
        var idHashes = idNumber is null ? [] : idNumbers.HashesOf(idNumber);
        var byId = idHashes.Count > 0;
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var recent = db.Cases.AsNoTracking()
            .Where(c => c.Id != excludeId && (c.ClosedAtUtc == null || c.ClosedAtUtc >= since) && c.Status != CaseStatus.Merged);
        // Each way of matching reads its own index (complainants by phone or ID hash, cases by address); one OR over
        // them would read every case.
        var ids = new HashSet<long>();
        if (phone is not null)
        {
            ids.UnionWith(await recent.SelectMany(c => c.Complainants.Where(p => p.Phone == phone), (c, p) => c.Id).Take(200).ToListAsync(ct));
        }

        if (byId)
        {
            ids.UnionWith(await recent.SelectMany(c => c.Complainants.Where(p => idHashes.Contains(EF.Property<string>(p, IIdNumberIndex.HashProperty))), (c, p) => c.Id)
                .Take(200).ToListAsync(ct));
        }

        if (address is not null)
        {
            ids.UnionWith(await recent.Where(c => c.Address == address).OrderByDescending(c => c.Id).Select(c => c.Id).Take(200).ToListAsync(ct));
        }

        var candidateIds = ids.ToList();
        var candidates = await db.Cases.AsNoTracking()
            .Where(c => candidateIds.Contains(c.Id))
            .OrderByDescending(c => c.RegisteredAtUtc)
            .Take(200)
            .Select(c => new
            {
                c.Id,
                c.TrackingNo,
                c.Status,
                c.Subject,
                c.Address,
                c.Content,
                c.RegisteredAtUtc,
                c.UnitId,
                SamePhone = phone != null && c.Complainants.Any(p => p.Phone == phone),
                SameId = byId && c.Complainants.Any(p => idHashes.Contains(EF.Property<string>(p, IIdNumberIndex.HashProperty))),
                c.Kind,
                c.RespondentUnitId,
                Caller = c.Complainants.Where(p => phone != null && p.Phone == phone).OrderBy(p => p.Id).Select(p => new { p.Name, p.Address }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // "Same phone" on a report about the viewer's own unit would name the reporter: that reason is not theirs to see.
        var viewerAncestry = await reader.ViewerUnitAncestry(ct);

        var unitIds = candidates.Where(c => c.UnitId != null).Select(c => c.UnitId!.Value).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var results = new List<SimilarCaseDto>();
        foreach (var c in candidates.Where(c => CasePermissions.MaySee(user, c.UnitId)))
        {
            var similarity = ContentSimilarity.Score(content, c.Content);
            var reasons = new List<string>();
            var score = 0.0;
            var identityHidden = Case.HidesIdentity(c.Kind, c.RespondentUnitId, viewerAncestry);
            if (c.SamePhone && !identityHidden)
            {
                reasons.Add("同一来电号码 (same phone)");
                score += 1.0;
            }

            if (c.SameId && !identityHidden)
            {
                reasons.Add("同一身份证号 (same ID number)");
                score += 1.0;
            }

            if (address is not null && c.Address == address && similarity >= SimilarContent)
            {
                reasons.Add($"同一地址且内容相似 {similarity:P0} (same address, similar content)");
                score += 0.5;
            }

            if (reasons.Count == 0)
            {
                continue;
            }

            // Another case's subject, typed by someone else: numbers in it are scrubbed like everywhere outside the case itself.
            results.Add(new SimilarCaseDto(c.Id, c.TrackingNo, c.Status, c.Status.ToChinese(), FreeTextMasking.Mask(c.Subject), c.Address,
                CaseReader.At(c.RegisteredAtUtc), c.UnitId is { } u ? units.GetValueOrDefault(u) : null, Math.Round(score + similarity, 3), reasons)
            {
                CallerName = c.SamePhone && !identityHidden ? c.Caller?.Name : null,
                CallerAddress = c.SamePhone && !identityHidden ? c.Caller?.Address : null,
            });
        }

        return results.OrderByDescending(r => r.Score).ThenByDescending(r => r.RegisteredAt).Take(20).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
