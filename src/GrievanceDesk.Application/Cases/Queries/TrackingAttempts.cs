using GrievanceDesk.Application.Common;

namespace GrievanceDesk.Application.Cases.Queries;

/// <summary>
/// Public tracking, limited per tracking number as well as per client address: numbers are sequential and the query
/// code has 6 digits, so without a limit per number many addresses together could try every code of one case.
/// After <see cref="MaxFailures"/> wrong codes for a number within 15 minutes, that number answers 429 for 15 minutes.
/// </summary>
public sealed class TrackingAttempts(TimeProvider clock)
{
    public const int MaxFailures = 10;

    private readonly FailureCounter _failures = new(clock, MaxFailures, TimeSpan.FromMinutes(15));

    public void EnsureAllowed(string trackingNo)
    {
        if (_failures.BlockedFor(Key(trackingNo)) is { } wait)
        {
            throw new TooManyAttemptsException("tracking-attempts",
                "该编号查询失败次数过多，请 15 分钟后再试 (too many wrong query codes for this tracking number; try again later).", wait);
        }
    }

    public void Failed(string trackingNo) => _failures.Fail(Key(trackingNo));

    private static string Key(string trackingNo) => trackingNo.Trim().ToUpperInvariant();
}
