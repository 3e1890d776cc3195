using FluentValidation;
using GrievanceDesk.Application.Common;
using Mediator;

namespace GrievanceDesk.Application.ReferenceData;

[RequiresRole(Common.Roles.Admin)]
public sealed record ListUsers : IQuery<IReadOnlyList<UserDto>>;

[RequiresRole(Common.Roles.Admin)]
public sealed record CreateUser(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, int? UnitId) : ICommand<UserDto>;

[RequiresRole(Common.Roles.Admin)]
public sealed record UpdateUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, int? UnitId, bool IsActive) : ICommand<UserDto>;

/// <summary>Lifts a lockout after repeated failed sign-ins.</summary>
[RequiresRole(Common.Roles.Admin)]
public sealed record UnlockUser(string UserName) : ICommand<bool>;

internal static class UserRules
{
    public static void RolesAndUnit<T>(AbstractValidator<T> v, Func<T, IReadOnlyList<string>> roles, Func<T, int?> unitId)
    {
        v.RuleFor(x => roles(x)).NotEmpty().OverridePropertyName("roles").WithMessage("至少需要一个角色 (at least one role).");
        v.RuleForEach(x => roles(x)).Must(r => Roles.All.Contains(r)).OverridePropertyName("roles")
            .WithMessage((_, r) => $"未知角色 {r}；可选：{string.Join(", ", Roles.All)} (unknown role).");
        v.RuleFor(x => unitId(x)).NotNull().OverridePropertyName("unitId")
            .When(x => roles(x) is { } rs && rs.Any(r => Roles.UnitRoles.Contains(r)))
            .WithMessage("承办人和单位负责人必须属于一个单位 (Cadre and UnitLeader need a unit).");
        v.RuleFor(x => unitId(x)).GreaterThan(0).OverridePropertyName("unitId").When(x => unitId(x) is not null);
    }
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9._-]+$")
            .WithMessage("用户名只能包含字母、数字、点、下划线和连字符 (letters, digits, '.', '_', '-').");
        RuleFor(x => x.DisplayName).ValidName(32);
        RuleFor(x => x.Password).NotEmpty().MinimumLength(8).MaximumLength(128);
        UserRules.RolesAndUnit(this, x => x.Roles, x => x.UnitId);
    }
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        RuleFor(x => x.UserName).NotEmpty().MaximumLength(64);
        RuleFor(x => x.DisplayName).ValidName(32);
        UserRules.RolesAndUnit(this, x => x.Roles, x => x.UnitId);
    }
}

public sealed class UnlockUserValidator : AbstractValidator<UnlockUser>
{
    public UnlockUserValidator() => RuleFor(x => x.UserName).NotEmpty().WithMessage("请指定要解锁的用户 (userName is required).").MaximumLength(64);
}

public sealed class UserHandlers(IUserDirectory users, IAppDbContext db) :
    IQueryHandler<ListUsers, IReadOnlyList<UserDto>>,
    ICommandHandler<CreateUser, UserDto>,
    ICommandHandler<UpdateUser, UserDto>,
    ICommandHandler<UnlockUser, bool>
{
    /// <summary>The rule that keeps someone able to administer: the last active Admin stays an active Admin.</summary>
    public const string LastAdministrator = "last-administrator";

    public async ValueTask<IReadOnlyList<UserDto>> Handle(ListUsers query, CancellationToken ct) => await users.ListAsync(ct);

    public async ValueTask<UserDto> Handle(CreateUser command, CancellationToken ct)
    {
        if (await users.FindAsync(command.UserName, ct) is not null)
        {
            throw new ConflictException("user-name-taken", $"用户名 {command.UserName} 已存在 (user name taken).");
        }

        await db.Units.EnsureExists(command.UnitId, "unitId", "单位", ct);
        return await users.CreateAsync(command.UserName, command.DisplayName, command.Password, command.Roles, command.UnitId, ct);
    }

    public async ValueTask<UserDto> Handle(UpdateUser command, CancellationToken ct)
    {
        _ = await users.FindAsync(command.UserName, ct) ?? throw new NotFoundException("用户", command.UserName);
        await db.Units.EnsureExists(command.UnitId, "unitId", "单位", ct);
        var staysAdmin = command.IsActive && command.Roles.Contains(Roles.Admin);
        if (!staysAdmin && await users.UserNamesInRoleAsync(Roles.Admin, null, ct) is [var onlyAdmin]
            && string.Equals(onlyAdmin, command.UserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConflictException(LastAdministrator,
                $"{command.UserName} 是最后一个在用的管理员，不能停用或取消其管理员角色；请先设置另一名管理员 (the last active administrator cannot be demoted or deactivated).");
        }

        return await users.UpdateAsync(command.UserName, command.DisplayName, command.Roles, command.UnitId, command.IsActive, ct);
    }

    public async ValueTask<bool> Handle(UnlockUser command, CancellationToken ct)
    {
        _ = await users.FindAsync(command.UserName, ct) ?? throw new NotFoundException("用户", command.UserName);
        await users.UnlockAsync(command.UserName, ct);
        return true;
    }
}
