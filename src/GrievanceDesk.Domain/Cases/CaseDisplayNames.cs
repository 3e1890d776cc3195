namespace GrievanceDesk.Domain.Cases;

/// <summary>The office's Chinese words for the case's enums, used in timeline summaries, messages and notifications.</summary>
public static class CaseDisplayNames
{
    public static string ToChinese(this CaseStatus status) => status switch
    {
        CaseStatus.Registered => "已登记",
        CaseStatus.Dispatched => "已派单",
        CaseStatus.Accepted => "已受理",
        CaseStatus.InProgress => "办理中",
        CaseStatus.Resolved => "已办结",
        CaseStatus.FeedbackGiven => "已反馈",
        CaseStatus.Closed => "已结案",
        CaseStatus.Reopened => "重办",
        CaseStatus.Merged => "已合并",
        _ => status.ToString(),
    };

    public static string ToChinese(this CaseAction action) => action switch
    {
        CaseAction.Dispatch => "派单",
        CaseAction.Assign => "指定承办人",
        CaseAction.Accept => "受理",
        CaseAction.Return => "退单",
        CaseAction.RecordContact => "记录联系",
        CaseAction.RecordProgress => "记录办理进展",
        CaseAction.RequestExtension => "申请延期",
        CaseAction.DecideExtension => "审批延期",
        CaseAction.RequestPause => "申请中止",
        CaseAction.DecidePause => "审批中止",
        CaseAction.Resume => "恢复办理",
        CaseAction.Resolve => "办结",
        CaseAction.NotAccept => "不予受理",
        CaseAction.AnswerOnTheSpot => "当场答复",
        CaseAction.RecordFeedback => "记录反馈",
        CaseAction.Close => "结案",
        CaseAction.RecordReturnVisit => "回访",
        CaseAction.MergeInto => "合并",
        CaseAction.MarkRepeatOf => "标记为重复件",
        CaseAction.IssueSupervision => "督办",
        CaseAction.RecordEscalation => "预警或升级",
        _ => action.ToString(),
    };

    /// <summary>An English verb phrase for messages: "cannot {phrase} in status …".</summary>
    public static string ToEnglishPhrase(this CaseAction action) => action switch
    {
        CaseAction.Dispatch => "dispatch a case",
        CaseAction.Assign => "assign a case",
        CaseAction.Accept => "accept a case",
        CaseAction.Return => "return a case",
        CaseAction.RecordContact => "record a contact on a case",
        CaseAction.RecordProgress => "record progress on a case",
        CaseAction.RequestExtension => "request an extension for a case",
        CaseAction.DecideExtension => "decide an extension for a case",
        CaseAction.RequestPause => "request a pause for a case",
        CaseAction.DecidePause => "decide a pause for a case",
        CaseAction.Resume => "resume a case",
        CaseAction.Resolve => "resolve a case",
        CaseAction.NotAccept => "refuse to accept a case",
        CaseAction.AnswerOnTheSpot => "answer a case on the spot",
        CaseAction.RecordFeedback => "record feedback on a case",
        CaseAction.Close => "close a case",
        CaseAction.RecordReturnVisit => "record a return visit on a case",
        CaseAction.MergeInto => "merge a case",
        CaseAction.MarkRepeatOf => "mark a case as a repeat",
        CaseAction.IssueSupervision => "issue supervision on a case",
        CaseAction.RecordEscalation => "escalate a case",
        _ => action.ToString(),
    };

    public static string ToChinese(this Outcome outcome) => outcome switch
    {
        Outcome.Resolved => "已解决",
        Outcome.Partially => "部分解决",
        Outcome.Explained => "解释说明",
        Outcome.NotAccepted => "不予受理",
        _ => outcome.ToString(),
    };

    public static string ToChinese(this ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "电话",
        ContactChannel.Visit => "来访面谈",
        ContactChannel.Sms => "短信",
        ContactChannel.Letter => "书面函件",
        ContactChannel.Onsite => "现场",
        _ => channel.ToString(),
    };

    public static string ToChinese(this Channel channel) => channel switch
    {
        Channel.Visit => "来访",
        Channel.Call => "来电",
        Channel.Letter => "来信",
        Channel.Online => "网上",
        Channel.Transfer => "上级转办",
        _ => channel.ToString(),
    };

    public static string ToChinese(this Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.Basically => "基本满意",
        Satisfaction.Dissatisfied => "不满意",
        _ => satisfaction.ToString(),
    };
}
