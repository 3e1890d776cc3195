using GrievanceDesk.Application.Common;

namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>The demo accounts (only in demo mode), one per role, and a head and at least one cadre in every unit that receives demo cases.</summary>
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

        // Every other unit that routing (or the conflict guard, which sends a case up to the district) gives cases to
        // has its head, who may work them as a cadre does (docs/product.md §1), so that no demo case waits on a unit with nobody.
        new("qhleader", "韩志刚", [Roles.UnitLeader], "QH", "单位负责人 · 区人民政府"),
        new("stjleader", "蒋雪", [Roles.UnitLeader], "QH-STJ", "单位负责人 · 区生态环境局"),
        new("scjleader", "沈立", [Roles.UnitLeader], "QH-SCJ", "单位负责人 · 区市场监管局"),
        new("jwleader", "杨帆", [Roles.UnitLeader], "QH-JW", "单位负责人 · 区教委"),
        new("wjwleader", "朱丹", [Roles.UnitLeader], "QH-WJW", "单位负责人 · 区卫健委"),
        new("jtwleader", "秦川", [Roles.UnitLeader], "QH-JTW", "单位负责人 · 区交通委"),
        new("cgwleader", "许诺", [Roles.UnitLeader], "QH-CGW", "单位负责人 · 区城管委"),
        new("sfjleader", "何平", [Roles.UnitLeader], "QH-SFJ", "单位负责人 · 区司法局"),
        new("mzjleader", "吕梅", [Roles.UnitLeader], "QH-MZJ", "单位负责人 · 区民政局"),
        new("xhleader", "施展", [Roles.UnitLeader], "QH-XH", "单位负责人 · 西湖街道"),
        new("nyleader", "张弛", [Roles.UnitLeader], "QH-NY", "单位负责人 · 南苑街道"),

        // And a cadre beside each head: the demo's cases are worked by the people whose job it is, as in an office.
        new("cadre5", "马骏", [Roles.Cadre], "QH", "承办人 · 区人民政府"),
        new("cadre6", "林菲", [Roles.Cadre], "QH-STJ", "承办人 · 区生态环境局"),
        new("cadre7", "高远", [Roles.Cadre], "QH-SCJ", "承办人 · 区市场监管局"),
        new("cadre8", "罗佳", [Roles.Cadre], "QH-JW", "承办人 · 区教委"),
        new("cadre9", "郭宁", [Roles.Cadre], "QH-WJW", "承办人 · 区卫健委"),
        new("cadre10", "胡斌", [Roles.Cadre], "QH-JTW", "承办人 · 区交通委"),
        new("cadre11", "黄蕾", [Roles.Cadre], "QH-CGW", "承办人 · 区城管委"),
        new("cadre12", "徐鹏", [Roles.Cadre], "QH-SFJ", "承办人 · 区司法局"),
        new("cadre13", "唐颖", [Roles.Cadre], "QH-MZJ", "承办人 · 区民政局"),
        new("cadre14", "曹阳", [Roles.Cadre], "QH-XH", "承办人 · 西湖街道"),
        new("cadre15", "邓琳", [Roles.Cadre], "QH-NY", "承办人 · 南苑街道"),
    ];
}
