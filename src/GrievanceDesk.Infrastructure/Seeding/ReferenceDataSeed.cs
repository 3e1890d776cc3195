namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>
/// The reference data a new office starts with: a real-looking district (清河区) with its departments, streets and
/// communities, the two-level problem categories, and the routing rules between them. Codes are the stable keys.
/// </summary>
internal static class ReferenceDataSeed
{
    public sealed record UnitSeed(string Code, string Name, string? Parent, bool AutoAssign = false);

    public sealed record NodeSeed(string Code, string Name, string? Parent);

    public sealed record RuleSeed(string? Category, string? Region, string Unit, string Note);

    public static readonly IReadOnlyList<UnitSeed> Units =
    [
        new("QH", "清河区人民政府", null),
        new("QH-ZJW", "区住房和城乡建设委员会", "QH", AutoAssign: true),
        new("QH-RSJ", "区人力资源和社会保障局", "QH", AutoAssign: true),
        new("QH-STJ", "区生态环境局", "QH"),
        new("QH-SCJ", "区市场监督管理局", "QH"),
        new("QH-JW", "区教育委员会", "QH"),
        new("QH-WJW", "区卫生健康委员会", "QH"),
        new("QH-JTW", "区交通委员会", "QH"),
        new("QH-CGW", "区城市管理委员会", "QH"),
        new("QH-GAJ", "区公安分局", "QH"),
        new("QH-SFJ", "区司法局", "QH"),
        new("QH-MZJ", "区民政局", "QH"),
        new("QH-SWJ", "区水务局", "QH"),
        new("QH-GHJ", "区规划和自然资源分局", "QH"),
        new("QH-WYGS", "区住建委物业管理科", "QH-ZJW"),
        new("QH-DF", "东风街道办事处", "QH"),
        new("QH-DF-GM", "光明社区居委会", "QH-DF"),
        new("QH-DF-XY", "向阳社区居委会", "QH-DF"),
        new("QH-XH", "西湖街道办事处", "QH"),
        new("QH-XH-HB", "湖滨社区居委会", "QH-XH"),
        new("QH-NY", "南苑街道办事处", "QH"),
        new("QH-NY-JY", "金苑社区居委会", "QH-NY"),
        new("QH-BC", "北辰街道办事处", "QH"),
        new("QH-BC-CY", "辰阳社区居委会", "QH-BC"),
    ];

    public static readonly IReadOnlyList<NodeSeed> Categories =
    [
        new("CSJS", "城乡建设", null),
        new("CSJS-WYGL", "物业管理", "CSJS"),
        new("CSJS-SDQR", "水电气热", "CSJS"),
        new("CSJS-FWZL", "房屋质量", "CSJS"),
        new("CSJS-JZSG", "建筑施工", "CSJS"),
        new("CSJS-LJXQ", "老旧小区改造", "CSJS"),
        new("LDSB", "劳动社保", null),
        new("LDSB-QX", "欠薪", "LDSB"),
        new("LDSB-SB", "社会保险", "LDSB"),
        new("LDSB-JY", "就业创业", "LDSB"),
        new("LDSB-HT", "劳动合同", "LDSB"),
        new("ZDCQ", "征地拆迁", null),
        new("ZDCQ-BC", "补偿安置", "ZDCQ"),
        new("ZDCQ-WF", "违法拆迁", "ZDCQ"),
        new("HJBH", "环境保护", null),
        new("HJBH-ZS", "噪声", "HJBH"),
        new("HJBH-DQ", "大气污染", "HJBH"),
        new("HJBH-SW", "水污染", "HJBH"),
        new("HJBH-LJ", "垃圾分类", "HJBH"),
        new("SCJG", "市场监管", null),
        new("SCJG-SP", "食品安全", "SCJG"),
        new("SCJG-XF", "消费维权", "SCJG"),
        new("SCJG-JG", "价格违法", "SCJG"),
        new("JY", "教育", null),
        new("JY-RX", "入学招生", "JY"),
        new("JY-PX", "校外培训", "JY"),
        new("JY-SD", "教师师德", "JY"),
        new("YLWS", "医疗卫生", null),
        new("YLWS-YH", "医患纠纷", "YLWS"),
        new("YLWS-YB", "医保报销", "YLWS"),
        new("YLWS-GW", "公共卫生", "YLWS"),
        new("JTYS", "交通运输", null),
        new("JTYS-GJ", "公交出行", "JTYS"),
        new("JTYS-TC", "停车管理", "JTYS"),
        new("JTYS-DL", "道路设施", "JTYS"),
        new("SFSS", "涉法涉诉", null),
        new("SFSS-ZX", "司法执行", "SFSS"),
        new("SFSS-TJ", "纠纷调解", "SFSS"),
        new("GBZF", "干部作风", null),
        new("GBZF-ZF", "作风问题", "GBZF"),
        new("GBZF-FB", "腐败问题", "GBZF"),
        new("CSGL", "城市管理", null),
        new("CSGL-WJ", "违法建设", "CSGL"),
        new("CSGL-ZD", "占道经营", "CSGL"),
        new("CSGL-SR", "市容环境", "CSGL"),
        new("MZSH", "民政社会", null),
        new("MZSH-DB", "低保救助", "MZSH"),
        new("MZSH-YL", "养老服务", "MZSH"),
    ];

    public static readonly IReadOnlyList<NodeSeed> Regions =
    [
        new("QH", "清河区", null),
        new("QH-DF", "东风街道", "QH"),
        new("QH-DF-GM", "光明社区", "QH-DF"),
        new("QH-DF-XY", "向阳社区", "QH-DF"),
        new("QH-DF-HX", "和兴社区", "QH-DF"),
        new("QH-XH", "西湖街道", "QH"),
        new("QH-XH-HB", "湖滨社区", "QH-XH"),
        new("QH-XH-LY", "柳岸社区", "QH-XH"),
        new("QH-XH-QS", "青山社区", "QH-XH"),
        new("QH-NY", "南苑街道", "QH"),
        new("QH-NY-JY", "金苑社区", "QH-NY"),
        new("QH-NY-FH", "富华社区", "QH-NY"),
        new("QH-BC", "北辰街道", "QH"),
        new("QH-BC-CY", "辰阳社区", "QH-BC"),
        new("QH-BC-XF", "新丰社区", "QH-BC"),
    ];

    /// <summary>Category+region beats category beats region. 征地拆迁 and 干部作风 have no rule: the dispatcher decides.</summary>
    public static readonly IReadOnlyList<RuleSeed> RoutingRules =
    [
        new("CSJS", null, "QH-ZJW", "城乡建设类默认派住建委"),
        new("CSJS-WYGL", "QH-DF", "QH-DF", "东风街道物业问题由街道属地办理"),
        new("CSJS-SDQR", null, "QH-ZJW", "水电气热派住建委"),
        new("LDSB", null, "QH-RSJ", "劳动社保派人社局"),
        new("HJBH", null, "QH-STJ", "环境保护派生态环境局"),
        new("HJBH-ZS", "QH-XH", "QH-XH", "西湖街道噪声扰民由街道办理"),
        new("SCJG", null, "QH-SCJ", "市场监管派市场监管局"),
        new("JY", null, "QH-JW", "教育派教委"),
        new("YLWS", null, "QH-WJW", "医疗卫生派卫健委"),
        new("JTYS", null, "QH-JTW", "交通运输派交通委"),
        new("SFSS", null, "QH-SFJ", "涉法涉诉派司法局"),
        new("CSGL", null, "QH-CGW", "城市管理派城管委"),
        new("MZSH", null, "QH-MZJ", "民政社会派民政局"),
        new(null, "QH-NY", "QH-NY", "南苑街道属地兜底"),
    ];
}
