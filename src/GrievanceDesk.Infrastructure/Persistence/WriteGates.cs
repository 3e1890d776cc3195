using GrievanceDesk.Application.Common;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// SQLite takes one writer at a time. Without a gate every command that finds the write lock taken waits inside SQLite's
/// busy handler, asleep on a thread of the pool: sixteen concurrent intakes starved the pool and fell to 6 cases/s over
/// the million-case data set (docs/search-and-scale.md). The gate queues them asynchronously instead, in arrival order.
/// A writer in another process (a migration, a copy of the app) still meets the busy timeout, as before.
/// </summary>
public sealed class SqliteWriteGate(ILogger<SqliteWriteGate> logger) : IWriteGate
{
    /// <summary>How long a command waits for the gate before it goes on without it (then SQLite's busy timeout applies).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (await _gate.WaitAsync(Patience, ct))
        {
            return new Release(_gate);
        }

        // Not expected: a write held the gate for half a minute. Going on leaves the waiting to SQLite, which is correct,
        // only slower; a command never fails for the gate's sake.
        logger.LogWarning("Waited {Seconds} s for the SQLite write gate; going on without it.", Patience.TotalSeconds);
        return Open.Instance;
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

/// <summary>SQL Server and PostgreSQL take concurrent writers: the gate is always open.</summary>
public sealed class OpenWriteGate : IWriteGate
{
    public ValueTask<IDisposable> EnterAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable>(Open.Instance);
}

internal sealed class Open : IDisposable
{
    public static readonly Open Instance = new();

    public void Dispose()
    {
    }
}
