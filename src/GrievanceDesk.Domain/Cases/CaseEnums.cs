namespace GrievanceDesk.Domain.Cases;

// The API writes these as snake_case lowercase strings: NotAccepted → "not_accepted", InProgress → "in_progress".

/// <summary>How the case reached the office.</summary>
public enum Channel
{
    /// <summary>来访</summary>
    Visit,
    /// <summary>来电</summary>
    Call,
    /// <summary>来信</summary>
    Letter,
    /// <summary>网上</summary>
    Online,
    /// <summary>上级转办</summary>
    Transfer,
}

/// <summary>The three types of 信访工作条例 (2022), plus the hotline's questions.</summary>
public enum CaseKind
{
    /// <summary>申诉求决: complaints and requests for something to be done.</summary>
    Claim,
    /// <summary>检举控告: reports of wrongdoing. The complainant's identity is never shown to the respondent unit.</summary>
    Report,
    /// <summary>建议意见</summary>
    Suggestion,
    /// <summary>咨询</summary>
    Consultation,
}

public enum Urgency
{
    Normal,
    Urgent,
}

/// <summary>The case's place in its life (docs/product.md §3).</summary>
public enum CaseStatus
{
    /// <summary>已登记: in the dispatcher queue.</summary>
    Registered,
    /// <summary>已派单: sent to a unit, awaiting acceptance.</summary>
    Dispatched,
    /// <summary>已受理: accepted by the unit.</summary>
    Accepted,
    /// <summary>办理中: the unit has contacted the complainant or recorded progress.</summary>
    InProgress,
    /// <summary>已办结: a resolution is recorded.</summary>
    Resolved,
    /// <summary>已反馈: the complainant has been told the outcome.</summary>
    FeedbackGiven,
    /// <summary>已结案</summary>
    Closed,
    /// <summary>重办: reopened after a dissatisfied return visit, same unit, new handle clock.</summary>
    Reopened,
    /// <summary>已合并: folded into another case (a duplicate, or a repeat of a case still being handled).</summary>
    Merged,
}

/// <summary>The result the unit records.</summary>
public enum Outcome
{
    /// <summary>已解决</summary>
    Resolved,
    /// <summary>部分解决</summary>
    Partially,
    /// <summary>解释说明</summary>
    Explained,
    /// <summary>不予受理</summary>
    NotAccepted,
}

/// <summary>How the complainant was contacted or told the outcome.</summary>
public enum ContactChannel
{
    Phone,
    Visit,
    Sms,
    Letter,
    Onsite,
}

/// <summary>The complainant's verdict at the return visit (回访).</summary>
public enum Satisfaction
{
    /// <summary>满意</summary>
    Satisfied,
    /// <summary>基本满意</summary>
    Basically,
    /// <summary>不满意</summary>
    Dissatisfied,
}

/// <summary>Why a case could be closed: which branch of the last mile (最后一公里) was satisfied.</summary>
public enum CloseReason
{
    /// <summary>The complainant was reached after the resolution and told the outcome.</summary>
    Feedback,
    /// <summary>3+ unreached attempts on 2+ days after the resolution, plus a written notice (letter or SMS).</summary>
    Unreachable,
    /// <summary>Nobody to tell. Left out of satisfaction figures.</summary>
    Anonymous,
}
