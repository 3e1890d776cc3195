using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using Mediator;
using Microsoft.AspNetCore.Authorization;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>责任单位: the unit tree; a unit with auto-assign gives new cases to its least busy cadre.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UnitsModel(ISender sender) : TreeAdminModel
{
    public override string Title => "责任单位";
    public override string What => "单位";
    public override string Hint => "区政府—委办局、街道—社区。仍有下级、人员、派单规则或案件的单位不能删除，请改为停用。";
    public override bool HasAutoAssign => true;
    public override bool CanDelete => true;

    protected override async Task<IReadOnlyList<Node>> List(CancellationToken ct) =>
        (await sender.Send(new ListUnits(), ct)).Select(u => new Node(u.Id, u.Code, u.Name, u.ParentId, u.IsActive, u.AutoAssign)).ToList();

    protected override async Task Create(NodeForm f, CancellationToken ct) =>
        await sender.Send(new CreateUnit(f.Code?.Trim() ?? string.Empty, f.Name?.Trim() ?? string.Empty, f.ParentId, f.AutoAssign), ct);

    protected override async Task Update(int id, NodeForm f, CancellationToken ct) =>
        await sender.Send(new UpdateUnit(id, f.Code?.Trim() ?? string.Empty, f.Name?.Trim() ?? string.Empty, f.ParentId, f.AutoAssign, f.IsActive), ct);

    protected override async Task Delete(int id, CancellationToken ct) => await sender.Send(new DeleteUnit(id), ct);
}

/// <summary>问题分类: two levels (城乡建设 / 物业管理).</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class CategoriesModel(ISender sender) : TreeAdminModel
{
    public override string Title => "问题分类";
    public override string What => "分类";
    public override string Hint => "分类只有两级：上级必须是一级分类。停用的分类不能再用于登记。";

    protected override async Task<IReadOnlyList<Node>> List(CancellationToken ct) =>
        (await sender.Send(new ListCategories(), ct)).Select(c => new Node(c.Id, c.Code, c.Name, c.ParentId, c.IsActive)).ToList();

    protected override async Task Create(NodeForm f, CancellationToken ct) =>
        await sender.Send(new CreateCategory(f.Code?.Trim() ?? string.Empty, f.Name?.Trim() ?? string.Empty, f.ParentId), ct);

    protected override async Task Update(int id, NodeForm f, CancellationToken ct) =>
        await sender.Send(new UpdateCategory(id, f.Code?.Trim() ?? string.Empty, f.Name?.Trim() ?? string.Empty, f.ParentId, f.IsActive), ct);
}

/// <summary>属地: district, streets, communities.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class RegionsModel(ISender sender) : TreeAdminModel
{
    public override string Title => "属地";
    public override string What => "属地";
    public override string Hint => "区—街道—社区。派单规则可按属地匹配，下级属地继承上级的规则。";

    protected override async Task<IReadOnlyList<Node>> List(CancellationToken ct) =>
        (await sender.Send(new ListRegions(), ct)).Select(r => new Node(r.Id, r.Code, r.Name, r.ParentId, r.IsActive)).ToList();

    protected override async Task Create(NodeForm f, CancellationToken ct) =>
        await sender.Send(new CreateRegion(f.Code?.Trim() ?? string.Empty, f.Name?.Trim() ?? string.Empty, f.ParentId), ct);

    protected override async Task Update(int id, NodeForm f, CancellationToken ct) =>
        await sender.Send(new UpdateRegion(id, f.Code?.Trim() ?? string.Empty, f.Name?.Trim() ?? string.Empty, f.ParentId, f.IsActive), ct);
}
