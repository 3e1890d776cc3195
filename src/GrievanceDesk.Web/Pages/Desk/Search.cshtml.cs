using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Cases.Queries;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Desk;

/// <summary>案件查询: every case for the office (read-only for the front desk), the own unit's for a unit's staff; the filters of docs/product.md §6.</summary>
[Authorize(Roles = $"{Roles.FrontDesk},{Roles.Dispatcher},{Roles.Leader},{Roles.Cadre},{Roles.UnitLeader}")]
public sealed class SearchModel(ISender sender, TimeProvider clock) : UiPageModel
{
    public const int PageSize = 20;

    public sealed class Filters
    {
        public CaseStatus? Status { get; set; }
        public string? Unit { get; set; }
        public string? Category { get; set; }
        public string? Region { get; set; }
        public Channel? Channel { get; set; }
        public bool? Overdue { get; set; }
        public string? Q { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public int P { get; set; } = 1;
    }

    [BindProperty(SupportsGet = true)]
    public Filters F { get; set; } = new();

    /// <summary>The same filters as GET /api/cases/export takes them: the list as .xlsx, masked as shown.</summary>
    public string ExportUrl => "/api/cases/export" + new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(
        new (string Key, string? Value)[]
        {
            ("status", F.Status is { } s ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString()) : null),
            ("unit", F.Unit), ("category", F.Category), ("region", F.Region),
            ("channel", F.Channel is { } c ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString()) : null),
            ("overdue", F.Overdue?.ToString().ToLowerInvariant()), ("q", F.Q),
            ("from", F.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("to", F.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))).ToQueryString();

    public PagedResult<CaseListItemDto> Result { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<CategoryDto> Categories { get; private set; } = [];
    public IReadOnlyList<RegionDto> Regions { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    /// <summary>A unit's staff see their own unit's cases only: no unit filter for them.</summary>
    public bool OfficeWide => CasePermissions.ReadAll.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Categories = await sender.Send(new ListCategories(), ct);
        Regions = await sender.Send(new ListRegions(), ct);
        Units = await sender.Send(new ListUnits(), ct);
        await Attempt<Filters>("search", "F", async () =>
            Result = await sender.Send(new ListCases(F.Status, F.Unit, F.Category, F.Region, F.Channel, F.Overdue, F.Q, F.From, F.To,
                Math.Max(1, F.P), PageSize), ct));
    }
}
