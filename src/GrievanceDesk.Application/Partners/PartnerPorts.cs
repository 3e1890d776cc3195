using System.Security.Cryptography;
using System.Text;

namespace GrievanceDesk.Application.Partners;

/// <summary>The partner system making the request (authenticated by its key), or none.</summary>
public interface ICurrentPartner
{
    int? PartnerId { get; }
}

/// <summary>Keeps webhook secrets encrypted at rest; signing a delivery needs the secret back.</summary>
public interface IWebhookSecrets
{
    string Protect(string secret);
    string Unprotect(string protectedSecret);
}

/// <summary>A webhook delivery as an administrator sees it (an outbox message on the webhook channel).</summary>
public sealed record WebhookDeliveryDto(
    long Id,
    int SubscriptionId,
    string Event,
    long? CaseId,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string Payload);

/// <summary>The webhook deliveries in the outbox: listed for an administrator, re-sent on request.</summary>
public interface IWebhookDeliveryLog
{
    Task<IReadOnlyList<WebhookDeliveryDto>> ListAsync(IReadOnlyCollection<int> subscriptionIds, int take, CancellationToken ct);

    /// <summary>Queues the delivery to be sent again now (whatever its state); null when there is no such webhook delivery.</summary>
    Task<WebhookDeliveryDto?> ResendAsync(long deliveryId, IReadOnlyCollection<int> subscriptionIds, CancellationToken ct);
}

/// <summary>
/// Partner keys: <c>gdp_{prefix}_{secret}</c>, 256 random bits. The prefix finds the partner; the SHA-256 of the whole
/// key is what is stored and compared (a random key needs no slow hash: there is nothing to guess).
/// </summary>
public static class PartnerKeys
{
    private const string Marker = "gdp_";

    public sealed record Issued(string Key, string Prefix, string Hash);

    public static Issued New()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = $"{Marker}{prefix}_{secret}";
        return new Issued(key, prefix, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The prefix of a well-formed key, or null.</summary>
    public static string? PrefixOf(string key) =>
        key.StartsWith(Marker, StringComparison.Ordinal) && key.Length > Marker.Length + 13 && key[Marker.Length + 12] == '_'
            ? key.Substring(Marker.Length, 12)
            : null;

    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>A webhook signing secret: <c>whsec_</c> and 256 random bits.</summary>
    public static string NewWebhookSecret() => "whsec_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// The webhook signature: <c>v1=</c> + hex HMAC-SHA256, keyed with the subscription's secret, over
/// <c>{timestamp}.{body}</c>, where the timestamp is the Unix seconds sent in <see cref="TimestampHeader"/>. A receiver
/// recomputes it and refuses a delivery whose timestamp is outside its replay window.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-GrievanceDesk-Signature";
    public const string TimestampHeader = "X-GrievanceDesk-Timestamp";
    public const string EventHeader = "X-GrievanceDesk-Event";
    public const string DeliveryHeader = "X-GrievanceDesk-Delivery";

    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }
}
