using GrievanceDesk.Domain.Time;
using Hangfire;

namespace GrievanceDesk.Infrastructure.Jobs;

/// <summary>China Standard Time for the job schedules: "Asia/Shanghai", or a fixed UTC+8 zone where tzdata is missing.</summary>
public static class ChinaTimeZone
{
    public const string IanaId = "Asia/Shanghai";
    public const string FallbackId = "UTC+08:00 China Standard Time";

    public static readonly TimeZoneInfo Instance = Find();

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(IanaId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // China has had no daylight saving since 1991, so a fixed offset is exact for every schedule.
            return TimeZoneInfo.CreateCustomTimeZone(FallbackId, ChinaTime.Offset, "中国标准时间", "中国标准时间");
        }
    }
}

/// <summary>Hangfire stores a recurring job's time zone by id; this resolves our fallback zone's id too.</summary>
internal sealed class ChinaTimeZoneResolver : ITimeZoneResolver
{
    private readonly DefaultTimeZoneResolver _system = new();

    public TimeZoneInfo GetTimeZoneById(string tzId) =>
        tzId == ChinaTimeZone.Instance.Id || tzId == ChinaTimeZone.FallbackId || tzId == ChinaTimeZone.IanaId
            ? ChinaTimeZone.Instance
            : _system.GetTimeZoneById(tzId);
}
