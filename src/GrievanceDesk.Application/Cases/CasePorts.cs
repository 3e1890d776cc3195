namespace GrievanceDesk.Application.Cases;

/// <summary>
/// Hands out tracking numbers GDyyyyMMdd-NNNN, unique per CST day under concurrency: the counter row for the day is
/// incremented inside the command's transaction, so two intakes never get the same number.
/// </summary>
public interface ITrackingNumbers
{
    Task<string> NextAsync(DateOnly day, CancellationToken ct);

    /// <summary>The short query code the complainant gets by SMS (with the tracking number it opens the public page).</summary>
    string NewQueryCode();
}

/// <summary>Remembers which case an intake's Idempotency-Key produced, so a retry returns that case and never logs a second one.</summary>
public interface IIdempotencyKeys
{
    Task<long?> FindCaseAsync(string key, CancellationToken ct);

    /// <summary>Adds the key to the current unit of work; a racing second insert fails on the unique key.</summary>
    void Remember(string key, long caseId, DateTime atUtc);
}

/// <summary>
/// Turns the notifications a case raised into outbox messages (resolving "the unit's leaders" to user names and
/// "the complainant" to a phone number) in the current unit of work, so they commit with the change.
/// </summary>
public interface ICaseNotifier
{
    Task EnqueueAsync(Domain.Cases.Case @case, CancellationToken ct);
}

/// <summary>Where attachment contents live (the database by default); the case keeps only the metadata and a key.</summary>
public interface IAttachmentStore
{
    Task<string> SaveAsync(byte[] content, CancellationToken ct);

    /// <summary>The content stored under <paramref name="key"/>, null when there is none.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken ct);
}

/// <summary>
/// Finds a complainant by ID number without decrypting any: the keyed hash (HMAC) stored beside each encrypted ID
/// number, in the shadow property <see cref="HashProperty"/> of the complainant (docs/product.md §7).
/// </summary>
public interface IIdNumberIndex
{
    public const string HashProperty = "IdNumberHash";

    /// <summary>The hashes to look for: one per configured key, so values written before a key rotation are found too.</summary>
    IReadOnlyList<string> HashesOf(string idNumber);
}

/// <summary>The append-only log of reveals of personal data (who, when, which case, why), written in the command's unit of work.</summary>
public interface IRevealAuditLog
{
    void Append(Domain.Cases.RevealAudit entry);
}
