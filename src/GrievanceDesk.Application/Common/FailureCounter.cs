using System.Collections.Concurrent;

namespace GrievanceDesk.Application.Common;

/// <summary>
/// Counts failed attempts per key (an account and a client address, a tracking number) and blocks a key after
/// <see cref="MaxFailures"/> failures within <see cref="BlockFor"/>, for <see cref="BlockFor"/>. Kept in memory, by the
/// app's clock: each instance counts its own attempts, so N instances allow at most N times the attempts.
/// </summary>
public sealed class FailureCounter(TimeProvider clock, int maxFailures, TimeSpan blockFor)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int MaxFailures { get; } = maxFailures;

    public TimeSpan BlockFor { get; } = blockFor;

    /// <summary>How long the key stays blocked; null when it is not blocked.</summary>
    public TimeSpan? BlockedFor(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        lock (entry)
        {
            var now = clock.GetUtcNow();
            return entry.BlockedUntil is { } until && until > now ? until - now : null;
        }
    }

    /// <summary>Records a failure; true when the key is blocked from now on.</summary>
    public bool Fail(string key)
    {
        if (_entries.Count > PruneAbove)
        {
            Prune();
        }

        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            var now = clock.GetUtcNow();
            if (entry.WindowStart + BlockFor <= now || entry.WindowStart > now || entry.BlockedUntil is { } ended && ended <= now)
            {
                entry.WindowStart = now;
                entry.Failures = 0;
                entry.BlockedUntil = null;
            }

            entry.Failures++;
            if (entry.Failures >= MaxFailures)
            {
                entry.BlockedUntil = now + BlockFor;
            }

            return entry.BlockedUntil is not null;
        }
    }

    public void Clear(string key) => _entries.TryRemove(key, out _);

    /// <summary>Forgets every key that matches (an administrator lifts an account's blocks at every address).</summary>
    public void ClearWhere(Func<string, bool> match)
    {
        foreach (var key in _entries.Keys.Where(match))
        {
            _entries.TryRemove(key, out _);
        }
    }

    public bool AnyBlocked(Func<string, bool> match) => _entries.Keys.Where(match).Any(k => BlockedFor(k) is not null);

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (entry.WindowStart + BlockFor <= now && (entry.BlockedUntil is null || entry.BlockedUntil <= now))
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public int Failures { get; set; }
        public DateTimeOffset WindowStart { get; set; }
        public DateTimeOffset? BlockedUntil { get; set; }
    }
}
