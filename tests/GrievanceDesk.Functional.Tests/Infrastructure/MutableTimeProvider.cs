namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// A clock the test moves: starts at the real time (so bearer tokens stay valid) and stands still until told.
/// Timestamps (elapsed-time measurement) stay real. It ticks in whole microseconds, the finest instant every provider
/// stores (PostgreSQL keeps microseconds, .NET counts 100 ns), so an instant read back equals the one the clock gave.
/// </summary>
public sealed class MutableTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = Microseconds(System.GetUtcNow());

    public DateTimeOffset Now
    {
        get { lock (_gate) { return _now; } }
        set { lock (_gate) { _now = Microseconds(value.ToUniversalTime()); } }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now = Microseconds(_now + by);
        }
    }

    /// <summary>Back to the real time, for the start of a test.</summary>
    public void Reset() => Now = System.GetUtcNow();

    private static DateTimeOffset Microseconds(DateTimeOffset at) => at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));
}
