using GrievanceDesk.Application.Common;

namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>The demo accounts (only in demo mode), one per role, and cadres in two units.</summary>
public static class DemoUsers
{
    public sealed record DemoUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? UnitCode, string Description);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("desk", "王丽", [Roles.FrontDesk], null, "接待/话务"),
        new("dispatcher", "李强", [Roles.Dispatcher], null, "派单员"),
        new("leader", "陈建国", [Roles.Leader], null, "领导"),
        new("unitleader1", "赵敏", [Roles.UnitLeader], "QH-ZJW", "单位负责人 · 区住建委"),
        new("cadre1", "刘洋", [Roles.Cadre], "QH-ZJW", "承办人 · 区住建委"),
        new("cadre2", "孙悦", [Roles.Cadre], "QH-ZJW", "承办人 · 区住建委"),
        new("unitleader2", "周涛", [Roles.UnitLeader], "QH-DF", "单位负责人 · 东风街道"),
        new("cadre3", "吴静", [Roles.Cadre], "QH-DF", "承办人 · 东风街道"),
        new("unitleader3", "郑华", [Roles.UnitLeader], "QH-RSJ", "单位负责人 · 区人社局"),
        new("cadre4", "冯磊", [Roles.Cadre], "QH-RSJ", "承办人 · 区人社局"),
    ];
}
