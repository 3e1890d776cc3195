namespace GrievanceDesk.Application.Common;

/// <summary>The six roles of docs/product.md §1.</summary>
public static class Roles
{
    /// <summary>接待/话务: logs cases, answers consultations, feedback, return visits; reads all cases.</summary>
    public const string FrontDesk = nameof(FrontDesk);

    /// <summary>派单员: everything FrontDesk may, plus dispatch, re-dispatch and returned cases.</summary>
    public const string Dispatcher = nameof(Dispatcher);

    /// <summary>承办人: works the cases of their own unit.</summary>
    public const string Cadre = nameof(Cadre);

    /// <summary>单位负责人: a cadre's rights in the unit, plus assignment and approvals.</summary>
    public const string UnitLeader = nameof(UnitLeader);

    /// <summary>领导: reads everything, statistics and briefings; issues supervision orders.</summary>
    public const string Leader = nameof(Leader);

    /// <summary>系统管理员: reference data, users, jobs.</summary>
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [FrontDesk, Dispatcher, Cadre, UnitLeader, Leader, Admin];

    /// <summary>Roles that belong to a responsible unit and so need one.</summary>
    public static readonly IReadOnlyList<string> UnitRoles = [Cadre, UnitLeader];

    public static string DisplayName(string role) => role switch
    {
        FrontDesk => "接待/话务",
        Dispatcher => "派单员",
        Cadre => "承办人",
        UnitLeader => "单位负责人",
        Leader => "领导",
        Admin => "系统管理员",
        _ => role,
    };
}
