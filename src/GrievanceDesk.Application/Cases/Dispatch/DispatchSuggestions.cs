using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Dispatch;

/// <summary>
/// 建议单位 for cases in the dispatcher queue: the routing rule's unit after the conflict guard, never a unit that
/// returned the case (<see cref="DispatchSuggestion"/>), with every unit's exclusion and the case's returns (退回).
/// </summary>
public sealed record SuggestDispatchUnits(IReadOnlyList<long> CaseIds) : IQuery<IReadOnlyDictionary<long, DispatchSuggestionDto>>;

/// <summary>How many returns (退单) each routing rule caused (docs/product.md §3: a return counts against the rule that sent it).</summary>
public sealed record CountReturnsByRoutingRule : IQuery<IReadOnlyDictionary<int, int>>;

public sealed record CaseReturnNoteDto(int UnitId, string UnitName, string Reason, DateTimeOffset At);

public sealed record DispatchSuggestionDto(
    long CaseId,
    int? SuggestedUnitId,
    IReadOnlyDictionary<int, DispatchExclusion> ExcludedUnits,
    IReadOnlyList<CaseReturnNoteDto> Returns);

public sealed class DispatchSuggestionHandlers(IAppDbContext db, ICurrentUser user) :
    IQueryHandler<SuggestDispatchUnits, IReadOnlyDictionary<long, DispatchSuggestionDto>>,
    IQueryHandler<CountReturnsByRoutingRule, IReadOnlyDictionary<int, int>>
{
    public async ValueTask<IReadOnlyDictionary<long, DispatchSuggestionDto>> Handle(SuggestDispatchUnits query, CancellationToken ct)
    {
        var ids = query.CaseIds.Distinct().ToList();
        var cases = (await db.Cases.AsNoTracking().Include(c => c.Returns).Where(c => ids.Contains(c.Id)).ToListAsync(ct))
            .Where(c => CasePermissions.MaySee(user, c.UnitId))
            .ToList();
        if (cases.Count == 0)
        {
            return new Dictionary<long, DispatchSuggestionDto>();
        }

        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Name, u.IsActive }).ToListAsync(ct);
        var unitParents = units.ToDictionary(u => u.Id, u => u.ParentId);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var ancestries = units.ToDictionary(u => u.Id, u => Tree.Ancestry(u.Id, unitParents));
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ParentId, ct);
        var active = units.Where(u => u.IsActive).Select(u => u.Id).ToList();

        IReadOnlyList<int> AncestryOf(int id) => ancestries.TryGetValue(id, out var a) ? a : [id];

        var result = new Dictionary<long, DispatchSuggestionDto>();
        foreach (var c in cases)
        {
            var returnedBy = c.Returns.Select(r => r.UnitId).ToHashSet();
            var rule = RoutingRuleMatcher.Match(rules, Tree.Ancestry(c.CategoryId, categories), Tree.Ancestry(c.RegionId, regions));
            var suggested = DispatchSuggestion.Suggest(rule?.UnitId, c.RespondentUnitId, returnedBy, AncestryOf, id => unitParents.GetValueOrDefault(id));
            var excluded = active
                .Select(id => (id, DispatchSuggestion.Exclusion(c.RespondentUnitId, returnedBy, AncestryOf(id))))
                .Where(x => x.Item2 != DispatchExclusion.None)
                .ToDictionary(x => x.id, x => x.Item2);
            var returns = c.Returns.OrderByDescending(r => r.AtUtc)
                .Select(r => new CaseReturnNoteDto(r.UnitId, unitNames.GetValueOrDefault(r.UnitId) ?? string.Empty, r.Reason, CaseReader.At(r.AtUtc)))
                .ToList();
            result[c.Id] = new DispatchSuggestionDto(c.Id, suggested is { } s && active.Contains(s) ? s : null, excluded, returns);
        }

        return result;
    }

    public async ValueTask<IReadOnlyDictionary<int, int>> Handle(CountReturnsByRoutingRule query, CancellationToken ct) =>
        await db.Cases.AsNoTracking()
            .SelectMany(c => c.Returns)
            .Where(r => r.RoutingRuleId != null)
            .GroupBy(r => r.RoutingRuleId!.Value)
            .Select(g => new { RuleId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.RuleId, x => x.Count, ct);
}
