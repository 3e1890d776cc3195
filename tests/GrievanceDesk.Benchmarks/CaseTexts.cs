namespace GrievanceDesk.Benchmarks;

/// <summary>
/// Varied, realistic Chinese text for the seeded cases, so that the search is measured on text like a real office's:
/// places (streets, residential compounds, buildings), complaint phrases per subject, durations and demands, and
/// complainants' names from common surnames and given names. Deterministic for the seeder's generator.
/// </summary>
internal sealed class CaseTexts(Random random)
{
    private static readonly string[] Streets =
    [
        "湖滨路", "柳岸街", "青山路", "金苑大道", "富华路", "辰阳路", "新丰街", "光明路", "向阳街", "和兴路", "建设路", "解放大道", "人民路",
        "中山路", "长江路", "黄河路", "文化路", "学府路", "工业大道", "滨江路", "南湖路", "东风路", "胜利街", "朝阳路", "幸福路", "育才街",
        "丰收路", "翠竹街", "梧桐路", "银杏大道",
    ];

    private static readonly string[] Compounds =
    [
        "阳光花园", "翠湖苑", "锦绣家园", "金色港湾", "幸福里", "和谐小区", "紫荆城", "绿地新城", "滨江一号", "书香门第", "丽景湾", "康乐新村",
        "桂花园", "东方明珠小区", "怡景苑", "百合公寓", "华府名邸", "春晖小区", "望湖苑", "碧水蓝天", "盛世华庭", "枫林晚", "福星社区", "红星新村",
        "教师新村", "电力宿舍", "机械厂宿舍", "棉纺厂小区", "铁路新村", "供销社宿舍",
    ];

    private static readonly Dictionary<string, string[]> Details = new()
    {
        ["电梯"] = ["电梯经常停运困人", "电梯运行时异响抖动", "电梯年检过期仍在使用", "电梯按钮损坏无人更换"],
        ["物业"] = ["物业费上涨未经业主同意", "物业保安不在岗", "公共区域卫生长期无人打扫", "物业私自出租公共车位"],
        ["停水"] = ["多次停水未提前通知", "水压低高层用不上水", "自来水发黄有异味"],
        ["漏水"] = ["雨天屋顶渗水墙面发霉", "楼上管道漏水到楼下"],
        ["施工"] = ["施工围挡占用人行道", "施工车辆带泥上路", "渣土车夜间运输"],
        ["工资"] = ["拖欠三个月工资未发放", "包工头失联工资无人支付", "公司以各种理由克扣工资"],
        ["社保"] = ["单位未按规定缴纳社保", "社保断缴影响孩子入学"],
        ["拆迁"] = ["补偿款与周边项目差距大", "安置房建设进度缓慢"],
        ["噪音"] = ["夜间施工影响休息", "广场舞音响声音过大", "商铺外放音乐扰民"],
        ["油烟"] = ["饭店油烟直排居民楼", "烧烤摊占道经营油烟大"],
        ["河道"] = ["河道漂浮垃圾无人清理", "排污口向河道排放污水"],
        ["垃圾"] = ["垃圾桶满溢无人清运", "垃圾站臭味影响居民"],
        ["食品"] = ["购买的食品已过保质期", "商家拒绝退货退款"],
        ["收费"] = ["收费标准未公示", "重复收费多收钱"],
        ["学位"] = ["学区划分不合理", "随迁子女入学手续复杂"],
        ["医保"] = ["异地就医报销困难", "医保卡无法正常使用"],
        ["公交"] = ["公交班次减少等车时间长", "公交站点撤销出行不便"],
        ["停车"] = ["车辆乱停堵塞消防通道", "停车位被长期占用"],
        ["道路"] = ["路面坑洼雨天积水", "井盖缺失存在安全隐患", "路灯损坏夜间漆黑"],
        ["执行"] = ["胜诉后对方拒不履行", "执行款迟迟不到位"],
        ["违建"] = ["楼顶私自加盖彩钢房", "一楼住户私自扩建院子"],
        ["低保"] = ["低保申请多次未获批准", "低保金被无故停发"],
    };

    private static readonly string[] Generic = ["问题反映多次未得到解决", "影响周边居民正常生活", "存在较大安全隐患", "相关部门相互推诿"];
    private static readonly string[] Durations = ["近一个月来", "已持续半年", "从去年开始", "最近一周", "多年来一直", "今年以来"];
    private static readonly string[] Demands =
    [
        "请有关部门尽快核实处理", "希望尽快解决", "要求相关单位给予答复", "请求政府督促整改", "希望加强监管", "要求依法处理并追责",
    ];

    public static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑",
        "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁",
        "魏", "薛", "叶", "阎",
    ];

    public static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚",
        "桂英", "建华", "玉兰", "建国", "志强", "海燕", "红梅", "国庆", "春生", "丽华", "文博", "子涵", "浩然", "雨欣", "宇轩", "欣怡", "梓涵",
        "俊杰", "晓东", "晓燕", "建军", "淑珍", "玉梅", "德明", "凤英", "金凤", "永刚", "卫东",
    ];

    public string Address(int index) =>
        $"{Streets[index % Streets.Length]}{index / Streets.Length % 300 + 1}号{Compounds[index * 7 % Compounds.Length]}{random.Next(1, 30)}栋";

    public string Content(string subject, string address)
    {
        var details = Details.FirstOrDefault(d => subject.Contains(d.Key, StringComparison.Ordinal)).Value ?? Generic;
        var who = random.Next(3) switch { 0 => "来电人反映", 1 => "群众反映", _ => "市民来信反映" };
        return $"{who}：{address}{subject}，{Durations[random.Next(Durations.Length)]}{details[random.Next(details.Length)]}，" +
            $"{Generic[random.Next(Generic.Length)]}。{Demands[random.Next(Demands.Length)]}。";
    }

    public string Name() => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
}
