namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>Realistic demo wording: what people call the hotline about, by category code.</summary>
internal static class DemoCaseTexts
{
    public sealed record Template(string Category, string Subject, string Content, double Weight = 1);

    public static readonly IReadOnlyList<Template> Templates =
    [
        new("CSJS-WYGL", "小区电梯长期故障物业不维修", "{addr}小区{n}号楼电梯已停运一周，老人上下楼困难，多次找物业均称等待配件，请督促尽快维修。", 3),
        new("CSJS-WYGL", "物业费上涨未经业主同意", "{addr}物业公司擅自将物业费由每平方米1.8元上调至2.5元，未召开业主大会，请核查。", 2),
        new("CSJS-SDQR", "冬季供暖温度不达标", "{addr}家中室温只有14度，供暖公司称管网问题，已报修多次未解决，家中有婴儿，请尽快处理。", 3),
        new("CSJS-SDQR", "小区频繁停水无通知", "{addr}本周已三次停水，每次持续数小时且事先无任何通知，影响正常生活。", 2),
        new("CSJS-FWZL", "新房墙体开裂渗水", "{addr}交房不到一年，客厅墙体多处开裂，雨天渗水，开发商拒绝维修。", 1),
        new("CSJS-JZSG", "工地夜间违规施工", "{addr}附近工地每晚施工至凌晨两点，噪音和强光严重影响周边居民休息。", 2),
        new("LDSB-QX", "装修公司拖欠农民工工资", "本人在{addr}一装修项目务工三个月，包工头拖欠工资两万余元，多次讨要未果，请帮助追讨。", 3),
        new("LDSB-QX", "餐饮企业拖欠员工工资", "{addr}某餐厅停业，拖欠十余名员工两个月工资，老板失联。", 2),
        new("LDSB-SB", "单位未依法缴纳社会保险", "所在公司（{addr}）入职一年未为员工缴纳社保，要求补缴。", 2),
        new("LDSB-HT", "公司违法解除劳动合同", "公司以经营困难为由单方解除劳动合同，未支付经济补偿，请依法处理。", 1),
        new("HJBH-ZS", "广场舞音响噪音扰民", "{addr}广场每晚广场舞音响声音过大持续到十点以后，影响学生学习和老人休息。", 3),
        new("HJBH-ZS", "商铺外放音乐噪音大", "{addr}临街商铺整日外放促销音乐，音量很大，请予以制止。", 2),
        new("HJBH-DQ", "餐馆油烟直排污染空气", "{addr}楼下餐馆油烟未经净化直接排放，住户无法开窗。", 2),
        new("HJBH-LJ", "垃圾清运不及时", "{addr}垃圾桶满溢多日无人清运，气味难闻，蚊蝇滋生。", 2),
        new("SCJG-SP", "超市售卖过期食品", "在{addr}超市购买的牛奶已过保质期三天，要求查处并赔偿。", 2),
        new("SCJG-XF", "健身房闭店无法退卡", "{addr}健身房突然闭店，会员卡余额三千元无法退还。", 2),
        new("JY-RX", "适龄儿童入学学位咨询", "孩子今年满六周岁，户籍在{addr}，想咨询划片入学的办理流程和所需材料。", 2),
        new("JY-PX", "校外培训机构卷款跑路", "{addr}一家培训机构收取一年学费后停课，负责人联系不上。", 1),
        new("YLWS-YB", "异地就医医保报销问题", "在外地住院的费用回本地报销被告知材料不全，请说明需要哪些材料。", 2),
        new("JTYS-TC", "小区周边停车难乱停车", "{addr}周边车辆乱停占用消防通道，请加强管理。", 2),
        new("JTYS-DL", "路面塌陷存在安全隐患", "{addr}路口路面出现塌陷坑洞，夜间有车辆和行人经过，存在安全隐患。", 2),
        new("CSGL-WJ", "楼顶私搭乱建", "{addr}顶楼住户在楼顶违法搭建房屋，影响楼体安全和防水。", 2),
        new("CSGL-ZD", "流动摊贩占道经营", "{addr}早晚有大量流动摊贩占道经营，造成交通拥堵和环境脏乱。", 2),
        new("MZSH-DB", "低保申请进度咨询", "家庭收入低于标准，已向社区提交低保申请两个月，想了解审核进度。", 1),
        new("MZSH-YL", "社区养老服务需求", "家中独居老人行动不便，希望社区提供助餐和上门探访服务。", 1),
        new("ZDCQ-BC", "拆迁补偿标准有异议", "{addr}平房拆迁补偿标准明显低于周边同类项目，要求重新评估。", 1),
        new("GBZF-ZF", "窗口工作人员态度恶劣", "在{addr}政务服务窗口办理业务时工作人员态度生硬、推诿，要求改进作风。", 1),
        new("SFSS-TJ", "邻里纠纷请求调解", "与{addr}楼上邻居因漏水问题发生纠纷，协商无果，请求调解。", 1),
    ];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];

    public static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华"];

    public static readonly (string Region, string Address)[] Addresses =
    [
        ("QH-DF-GM", "光明里小区"), ("QH-DF-XY", "向阳新村"), ("QH-DF-HX", "和兴家园"),
        ("QH-XH-HB", "湖滨花园"), ("QH-XH-LY", "柳岸名苑"), ("QH-XH-QS", "青山路社区"),
        ("QH-NY-JY", "金苑小区"), ("QH-NY-FH", "富华大厦"), ("QH-BC-CY", "辰阳嘉园"), ("QH-BC-XF", "新丰街"),
    ];
}
