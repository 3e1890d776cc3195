using System.Globalization;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>How the pages write times, periods and the case's enums: in Chinese, in China Standard Time.</summary>
public static class UiText
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public static string Time(DateTimeOffset? at) =>
        at is { } v ? v.ToOffset(Cst).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public static string Date(DateTimeOffset? at) =>
        at is { } v ? v.ToOffset(Cst).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    /// <summary>The value of an &lt;input type="datetime-local"&gt;, in CST.</summary>
    public static string LocalInput(DateTimeOffset at) => at.ToOffset(Cst).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>Now as CST wall time to the minute, the default of a datetime-local input.</summary>
    public static DateTime LocalNow(TimeProvider clock)
    {
        var now = clock.GetUtcNow().ToOffset(Cst).DateTime;
        return new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>A datetime-local value (CST wall time) as an instant.</summary>
    public static DateTimeOffset FromLocalInput(DateTime local) => new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Cst);

    /// <summary>"剩余 2天3小时" or "超期 1天4小时".</summary>
    public static string Left(DateTimeOffset due, DateTimeOffset now)
    {
        var span = due - now;
        var overdue = span < TimeSpan.Zero;
        var text = Span(overdue ? -span : span);
        return overdue ? $"超期 {text}" : $"剩余 {text}";
    }

    public static string Span(TimeSpan span)
    {
        if (span.TotalDays >= 1)
        {
            return span.Hours > 0 ? $"{(int)span.TotalDays}天{span.Hours}小时" : $"{(int)span.TotalDays}天";
        }

        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}小时{span.Minutes}分" : $"{Math.Max(1, span.Minutes)}分钟";
    }

    /// <summary>
    /// "overdue", "warning", "paused" or "" for a deadline, as a CSS class: the domain's marks (<see cref="CaseStates.MarkOf"/>),
    /// 临期 from the policy's warning time.
    /// </summary>
    public static string DueClass(DateTimeOffset? due, DateTimeOffset now, int warnBeforeHours, bool paused = false) =>
        CaseStates.MarkOf(due?.UtcDateTime, paused, TimeSpan.FromHours(warnBeforeHours), now.UtcDateTime) switch
        {
            DeadlineMark.Overdue => "overdue",
            DeadlineMark.DueSoon => "warning",
            DeadlineMark.Paused => "paused",
            _ => string.Empty,
        };

    /// <summary>The class of a list row from the marks the query computed.</summary>
    public static string DueClass(bool overdue, bool dueSoon, bool paused) =>
        paused ? "paused" : overdue ? "overdue" : dueSoon ? "warning" : string.Empty;

    /// <summary>"st-in-progress" for InProgress: the status as the API writes it, as a CSS class.</summary>
    public static string StatusClass(CaseStatus status) =>
        "st-" + System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    public static string Name(CaseKind kind) => kind switch
    {
        CaseKind.Claim => "申诉求决",
        CaseKind.Report => "检举控告",
        CaseKind.Suggestion => "建议意见",
        CaseKind.Consultation => "咨询",
        _ => kind.ToString(),
    };

    public static string Name(Urgency urgency) => urgency == Urgency.Urgent ? "紧急" : "普通";

    public static string Name(SlaTrack track) => track == SlaTrack.Petition ? "信访事项" : "接诉即办";

    public static string Name(ExtensionStatus status) => status switch
    {
        ExtensionStatus.Pending => "待审批",
        ExtensionStatus.Approved => "已批准",
        _ => "已驳回",
    };

    public static string Name(PauseStatus status) => status switch
    {
        PauseStatus.Requested => "待审批",
        PauseStatus.Active => "中止中",
        PauseStatus.Ended => "已恢复",
        _ => "已驳回",
    };

    public static string Name(SupervisionSource source) => source switch
    {
        SupervisionSource.Leader => "领导督办",
        SupervisionSource.Office => "信访办督办",
        SupervisionSource.Escalation => "超期督办",
        SupervisionSource.Reopen => "两次重办督办",
        _ => "超期领导督办",
    };

    public static string Name(CloseReason reason) => reason switch
    {
        CloseReason.Feedback => "已反馈诉求人",
        CloseReason.Unreachable => "多次联系未果并书面告知",
        _ => "匿名件",
    };

    public static string Name(DurationUnit unit) => unit switch
    {
        DurationUnit.CalendarDays => "日",
        DurationUnit.WorkingDays => "工作日",
        _ => "小时",
    };

    public static string Name(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "放假" : "调休上班";

    /// <summary>A file size as people read it: 12 KB, 1.4 MB.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, (bytes + 1023) / 1024)} KB"
        : (bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
