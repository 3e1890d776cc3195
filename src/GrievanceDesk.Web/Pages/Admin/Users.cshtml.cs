using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Pages.Admin;

/// <summary>用户与角色: create accounts, change roles, unit and activity, lift a lockout.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class UsersModel(ISender sender) : UiPageModel
{
    public sealed class UserForm
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Password { get; set; }
        public List<string> Roles { get; set; } = [];
        public int? UnitId { get; set; }
        public bool IsActive { get; set; } = true;
    }

    /// <summary>The user being edited (?edit=name); empty for a new account.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty]
    public UserForm Input { get; set; } = new();

    public IReadOnlyList<UserDto> Users { get; private set; } = [];
    public IReadOnlyList<UnitDto> Units { get; private set; } = [];

    public bool Editing => !string.IsNullOrEmpty(Edit);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        if (Editing)
        {
            var user = Users.FirstOrDefault(u => u.UserName == Edit);
            if (user is null)
            {
                return NotFound();
            }

            Input = new UserForm { UserName = user.UserName, DisplayName = user.DisplayName, Roles = [.. user.Roles], UnitId = user.UnitId, IsActive = user.IsActive };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var ok = await Attempt<UserForm>("user", "Input", async () =>
        {
            if (Editing)
            {
                await sender.Send(new UpdateUser(Edit!, Input.DisplayName?.Trim() ?? string.Empty, Input.Roles, Input.UnitId, Input.IsActive), ct);
                Flash = $"已保存用户 {Edit}。";
            }
            else
            {
                await sender.Send(new CreateUser(Input.UserName?.Trim() ?? string.Empty, Input.DisplayName?.Trim() ?? string.Empty, Input.Password ?? string.Empty, Input.Roles, Input.UnitId), ct);
                Flash = $"已创建用户 {Input.UserName}。";
            }
        });
        if (ok)
        {
            return RedirectToPage(new { edit = (string?)null });
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? userName, CancellationToken ct)
    {
        userName ??= string.Empty;
        if (await Attempt<object>("unlock-" + userName, string.Empty, () => sender.Send(new UnlockUser(userName), ct).AsTask()))
        {
            Flash = $"已解除 {userName} 的锁定。";
            return RedirectToPage(new { edit = (string?)null });
        }

        await Load(ct);
        if (Users.All(u => u.UserName != userName))
        {
            // No row to show the refusal beside (an empty or unknown name): show it above the list.
            foreach (var error in ErrorsOf("unlock-" + userName))
            {
                Refuse("unlock", error);
            }
        }

        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Users = await sender.Send(new ListUsers(), ct);
        Units = await sender.Send(new ListUnits(), ct);
    }
}
