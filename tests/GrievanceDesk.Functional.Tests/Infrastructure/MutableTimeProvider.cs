namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// A clock the test moves: starts at the real time (so bearer tokens stay valid) and stands still until told.
/// Timestamps (elapsed-time measurement) stay real.
/// </summary>
public sealed class MutableTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = System.GetUtcNow();

    public DateTimeOffset Now
    {
        get { lock (_gate) { return _now; } }
        set { lock (_gate) { _now = value.ToUniversalTime(); } }
    }

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    /// <summary>Back to the real time, for the start of a test.</summary>
    public void Reset() => Now = System.GetUtcNow();
}
