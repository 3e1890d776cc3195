namespace GrievanceDesk.Infrastructure.Outbox;

/// <summary>The outbox sender (section "Outbox").</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Messages picked per scan.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>After this many failed attempts a message is marked Failed and no longer retried.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a run owns a message it claimed; after a crash the message is retried when the claim runs out.</summary>
    public int ClaimSeconds { get; set; } = 300;

    /// <summary>A run stops picking new batches after this long, so one run does not overlap the next by much.</summary>
    public int MaxRunSeconds { get; set; } = 50;
}
