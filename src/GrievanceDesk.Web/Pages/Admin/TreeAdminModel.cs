using GrievanceDesk.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>
/// The three trees of reference data (units, categories, regions) edit alike: a table, and a form to create a node or
/// edit the one chosen with ?edit=id (code, name, parent, active; units also auto-assign). Rendered by _TreeAdmin.
/// </summary>
public abstract class TreeAdminModel : UiPageModel
{
    public sealed record Node(int Id, string Code, string Name, int? ParentId, bool IsActive, bool AutoAssign = false);

    public sealed class NodeForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public int? ParentId { get; set; }
        public bool AutoAssign { get; set; }
        public bool IsActive { get; set; } = true;
    }

    [BindProperty(SupportsGet = true)]
    public int? Edit { get; set; }

    [BindProperty]
    public NodeForm Input { get; set; } = new();

    public IReadOnlyList<Node> Nodes { get; private set; } = [];

    public abstract string Title { get; }
    public abstract string What { get; }
    public virtual string Hint => string.Empty;
    public virtual bool HasAutoAssign => false;
    public virtual bool CanDelete => false;

    protected abstract Task<IReadOnlyList<Node>> List(CancellationToken ct);
    protected abstract Task Create(NodeForm form, CancellationToken ct);
    protected abstract Task Update(int id, NodeForm form, CancellationToken ct);

    protected virtual Task Delete(int id, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Depth in the tree, for indenting names.</summary>
    public int Depth(Node node)
    {
        var depth = 0;
        var parent = node.ParentId;
        while (parent is { } p && depth < 10 && Nodes.FirstOrDefault(n => n.Id == p) is { } up)
        {
            depth++;
            parent = up.ParentId;
        }

        return depth;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Nodes = await List(ct);
        if (Edit is { } id)
        {
            if (Nodes.FirstOrDefault(n => n.Id == id) is not { } node)
            {
                return NotFound();
            }

            Input = new NodeForm { Code = node.Code, Name = node.Name, ParentId = node.ParentId, AutoAssign = node.AutoAssign, IsActive = node.IsActive };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await Attempt<NodeForm>("node", "Input", () => Edit is { } id ? Update(id, Input, ct) : Create(Input, ct)))
        {
            Flash = $"已保存{What}“{Input.Name}”。";
            return RedirectToPage(new { edit = (int?)null });
        }

        Nodes = await List(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (await Attempt<NodeForm>("delete-" + id, string.Empty, () => Delete(id, ct)))
        {
            Flash = $"已删除{What}。";
            return RedirectToPage(new { edit = (int?)null });
        }

        Nodes = await List(ct);
        return Page();
    }
}
