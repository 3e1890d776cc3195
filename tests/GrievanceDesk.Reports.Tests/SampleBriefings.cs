using GrievanceDesk.Application.Briefings;

namespace GrievanceDesk.Reports.Tests;

/// <summary>Briefings as the statistics feature would hand them over: realistic Chinese data, deterministic.</summary>
public static class SampleBriefings
{
    public const string HousingCommission = "住房和城乡建设委员会";
    public const string MaskedComplainant = "张*";
    public const int OverdueRows = 150;

    public static readonly string[] Units =
    [
        HousingCommission, "市场监督管理局", "生态环境局", "交通运输局", "人力资源和社会保障局",
        "教育局", "卫生健康委员会", "城市管理综合执法局", "自然资源和规划局", "水务局",
        "民政局", "农业农村局", "商务局", "文化和旅游局", "应急管理局",
        "医疗保障局", "退役军人事务局", "东城区人民政府", "西城区人民政府", "朝阳区人民政府",
    ];

    private static readonly string[] Subjects =
    [
        "小区电梯长期故障无人维修，老人上下楼困难",
        "建筑工地夜间施工噪音扰民",
        "拖欠农民工工资三个月未结清",
        "餐馆油烟直排，影响周边居民生活",
        "学校周边道路拥堵，缺少交通疏导",
        "老旧小区改造工程质量问题",
        "医院挂号难，号源被倒卖",
        "公交线路调整后居民出行不便",
        "河道垃圾堆积，气味难闻",
        "物业费上涨未经业主大会表决",
        "预付卡商家跑路，消费者无法退款",
        "暖气不热，室温长期低于18℃",
        "违章搭建占用消防通道",
        "养老金核算有误，要求重新核定",
        "村集体土地流转收益分配不公",
    ];

    public static WeeklyBriefing Realistic() => new(
        Year: 2025,
        Week: 12,
        PeriodStart: new DateOnly(2025, 3, 17),
        PeriodEnd: new DateOnly(2025, 3, 23),
        GeneratedAt: new DateTimeOffset(2025, 3, 24, 7, 0, 0, TimeSpan.FromHours(8)),
        Headline: new HeadlineFigures(
            Received: new(412, 400),
            Dispatched: new(398, 391),
            Closed: new(380, 366),
            Open: new(156, 149),
            Overdue: new(23, 26),
            ClosedLate: new(30, 28),
            ResponseRate: new(new Rate(381, 398), new Rate(371, 391)),
            OnTimeClosureRate: new(new Rate(350, 380), new Rate(338, 366)),
            ResolutionRate: new(new Rate(270, 310), new Rate(265, 300)),
            SatisfactionRate: new(new Rate(273, 310), new Rate(270, 300)),
            RepeatRate: new(new Rate(37, 412), new Rate(40, 400)),
            ReopenRate: new(new Rate(12, 380), new Rate(12, 366)),
            CollectivePetitions: new(4, 2),
            Escalations: new(17, 20)),
        Channels:
        [
            new("12345热线", 180), new("网上信访", 96), new("来访", 58), new("来信", 31), new("领导信箱", 27), new("移动端", 20),
        ],
        Categories:
        [
            new("城乡建设", 92), new("劳动和社会保障", 61), new("市场监管", 55), new("生态环境", 48), new("交通运输", 41),
            new("教育", 33), new("卫生健康", 29), new("农村农业", 25), new("民政", 16), new("其他", 12),
        ],
        HotIssues:
        [
            new("朝阳区望京街道某小区电梯停运", "城乡建设", 23, new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 23)),
            new("某教育培训机构停业，预付学费无法退还", "市场监管", 19, new DateOnly(2025, 3, 14), new DateOnly(2025, 3, 22)),
            new("西三环辅路夜间渣土车噪音", "生态环境", 15, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 21)),
            new("某建筑公司拖欠农民工工资", "劳动和社会保障", 12, new DateOnly(2025, 3, 17), new DateOnly(2025, 3, 23)),
            new("地铁站出口共享单车乱停放", "交通运输", 9, new DateOnly(2025, 3, 18), new DateOnly(2025, 3, 23)),
        ],
        UnitRanking: new UnitRanking(10,
        [
            .. Units.Select((unit, i) => new UnitRankingRow(
                Rank: i + 1,
                Unit: unit,
                Cases: 60 - (i * 2),
                ResponseRate: new Rate(58 - (i * 3), 60 - (i * 2)),
                OnTimeClosureRate: new Rate(50 - (i * 2), 52 - (i * 2) + (i / 3)),
                ResolutionRate: new Rate(40 - i, 45 - i),
                SatisfactionRate: i == 19 ? new Rate(0, 0) : new Rate(42 - i, 45 - i),
                Overdue: i / 2,
                Mark: i < 3 ? RankingMark.RedList : i >= 17 ? RankingMark.BlackList : RankingMark.None)),
        ]),
        OverdueCases:
        [
            .. Enumerable.Range(1, OverdueRows).Select(n => new OverdueCase(
                OverdueTrackingNumber(n),
                Subjects[n % Subjects.Length],
                Units[n % Units.Length],
                DaysOverdue: 1 + ((n * 7) % 45),
                EscalationLevel: (n % 4) switch { 0 => null, 1 => "一级督办", 2 => "二级督办", _ => "三级督办" })),
        ],
        PausedCases:
        [
            new("XF-20250210-0088", "自然资源和规划局", "等待不动产权属司法判决", new DateOnly(2025, 2, 10), 41),
            new("XF-20250303-0142", HousingCommission, "房屋安全鉴定中，待鉴定报告", new DateOnly(2025, 3, 3), 20),
            new("XF-20250312-0031", "人力资源和社会保障局", "诉求人申请暂缓处理，外出务工", new DateOnly(2025, 3, 12), 11),
        ],
        CollectivePetitions:
        [
            new("XF-20250318-0207", "某楼盘逾期交房，业主要求开发商履约", 35, HousingCommission),
            new("XF-20250319-0311", "某建筑公司拖欠农民工工资", 12, "人力资源和社会保障局"),
            new("XF-20250320-0099", "村集体土地征收补偿标准争议", 8, "农业农村局"),
            new("XF-20250321-0150", "幼儿园突然停办，家长要求退费并妥善安置", 21, "教育局"),
        ],
        DissatisfiedVisits:
        [
            new("XF-20250311-0045", MaskedComplainant, HousingCommission, "电梯仍未修复，承办单位仅电话答复，未实地查看。"),
            new("XF-20250312-0178", "李*", "城市管理综合执法局", "油烟问题反复，执法后一周又恢复原状。"),
            new("XF-20250314-0062", "王**", "市场监督管理局", "对退款方案不认可，认为只退还了部分费用。"),
        ],
        Trend:
        [
            new("第5周", 288, 270, 31), new("第6周", 301, 295, 28), new("第7周", 356, 330, 30), new("第8周", 372, 351, 27),
            new("第9周", 365, 360, 25), new("第10周", 389, 372, 24), new("第11周", 400, 366, 26), new("第12周", 412, 380, 23),
        ]);

    /// <summary>A quiet week: nothing received, every rate without a denominator, no last week to compare with.</summary>
    public static WeeklyBriefing Empty()
    {
        var none = new CountFigure(0);
        var noRate = new RateFigure(new Rate(0, 0));
        return new WeeklyBriefing(2026, 1, new DateOnly(2025, 12, 29), new DateOnly(2026, 1, 4),
            new DateTimeOffset(2026, 1, 5, 7, 0, 0, TimeSpan.FromHours(8)),
            new HeadlineFigures(none, none, none, none, none, none, noRate, noRate, noRate, noRate, noRate, noRate, none, none),
            [], [], [], new UnitRanking(10, []), [], [], [], [], []);
    }

    public static string OverdueTrackingNumber(int n) => $"XF-20250301-{n:D4}";
}
