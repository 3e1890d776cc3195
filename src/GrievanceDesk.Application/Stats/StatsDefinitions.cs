using GrievanceDesk.Application.Briefings;

namespace GrievanceDesk.Application.Stats;

/// <summary>
/// 口径: what each figure counts, in the office's words. The one text of the definitions in the product: printed on the
/// briefing's 口径说明 page and explained, with the reasons, in docs/statistics.md.
/// </summary>
public static class StatsDefinitions
{
    public static readonly IReadOnlyList<Definition> All =
    [
        new("统计原则", "流量指标按事件发生时间计入当期，事件记录只增不改：某件在后一周被重办，不改变前一周已办结的统计；存量指标（在办、超期）取统计期末日终快照。"),
        new("受理", "收件时间（来信以收到时间为准）在统计期内的信访事项，含重复件和合并件。"),
        new("交办", "统计期内派往承办单位的次数（改派计入新承办单位）。"),
        new("响应率", "统计期内完成响应的件中按时响应的比例。响应以签收为准；有联系时限的件，以签收和首次联系上诉求人均完成为准，二者均在时限内为按时。联系超时计入响应率，不计为超期。"),
        new("办结", "统计期内结案的次数。重办后再次结案另计一次。"),
        new("按期办结率", "统计期内结案件中，办理结果（办结）在办理时限（含批准延期、扣除中止）内作出的比例；以办结时间而非结案时间判断，结案前的反馈环节另有反馈时限。"),
        new("超期办结", "统计期内结案但办结晚于办理时限的件数。"),
        new("解决率", "统计期内回访中，诉求人认为问题已解决的比例；匿名件不回访，不计入。"),
        new("满意率", "统计期内回访中，满意与基本满意之和的比例。"),
        new("重办率", "统计期内回访不满意而重新办理的件数占回访件数的比例。"),
        new("重复信访率", "统计期内标记为重复件的件数占受理件数的比例（初信初访 = 受理 − 重复件）。"),
        new("督办", "统计期内发出的督办单，含超期升级、领导督办和二次重办督办。"),
        new("在办", "统计期末仍未结案且未合并的件。"),
        new("超期", "统计期末在办件中，当前环节（签收、办理或反馈）时限已过的件；中止期间不计超期。联系时限未按时完成不计为超期。"),
        new("属地与单位", "按事件发生时的承办单位统计；尚在派单员队列中的件（含退回件）计入信访办自身待派单，不计入任何承办单位。"),
        new("排名（红黑榜）", "近四周内受理不少于最低件数的单位参与排名，件数不足的单位单列；综合得分 = " + StatsRanking.WeightsText + "。"),
    ];
}
