using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Jobs;

namespace GrievanceDesk.Infrastructure.Briefings;

/// <summary>
/// Every Monday morning (<see cref="DefaultCron"/>, CST) archives last week's briefing. Idempotent: a week already in
/// the archive is left as it was published, so a second run, a manual trigger or another instance adds nothing.
/// </summary>
internal sealed class WeeklyBriefingJob(WeeklyBriefingPublisher publisher, TimeProvider clock) : IRecurringJob
{
    public const string JobId = "weekly-briefing";

    /// <summary>Monday 06:00 China Standard Time.</summary>
    public const string DefaultCron = "0 6 * * 1";

    public string Id => JobId;

    public string DisplayName => "生成上周信访工作简报";

    public async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var lastWeek = BriefingWeek.At(clock.GetUtcNow().UtcDateTime).Previous;
        var (pdf, generated) = await publisher.GetOrPublishAsync(lastWeek, ct);
        return generated
            ? JobResult.Of($"已生成并存档{lastWeek.Year}年第{lastWeek.Week}周简报（{pdf.Length / 1024.0:0.#} KB）", ("generated", 1), ("bytes", pdf.Length))
            : JobResult.Of($"{lastWeek.Year}年第{lastWeek.Week}周简报已存档，未重复生成", ("generated", 0), ("bytes", pdf.Length));
    }
}
