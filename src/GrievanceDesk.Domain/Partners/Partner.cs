using GrievanceDesk.Domain.Common;

namespace GrievanceDesk.Domain.Partners;

/// <summary>The scopes a partner system may hold (对接系统权限).</summary>
public static class PartnerScopes
{
    /// <summary>Log cases (on the transfer or online channel) with the partner's own external reference.</summary>
    public const string CasesCreate = "cases:create";

    /// <summary>Read the cases the partner logged, and only those.</summary>
    public const string CasesReadOwn = "cases:read-own";

    /// <summary>Subscribe URLs to case events (webhooks).</summary>
    public const string WebhooksManage = "webhooks:manage";

    public static readonly IReadOnlyList<string> All = [CasesCreate, CasesReadOwn, WebhooksManage];
}

/// <summary>
/// A partner system (对接系统: the provincial platform 上级转办, the government portal, a mini-program) that calls the
/// API with its own key instead of a staff account. The key is shown once when issued; only its hash is kept.
/// </summary>
public sealed class Partner
{
    public const int MaxNameLength = 100;

    private Partner()
    {
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = string.Empty;

    /// <summary>Space-separated scopes from <see cref="PartnerScopes"/>.</summary>
    public string Scopes { get; private set; } = string.Empty;

    /// <summary>The key's public prefix: how a presented key finds its partner without a scan.</summary>
    public string KeyPrefix { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the whole key (hex); the key itself is never stored.</summary>
    public string KeyHash { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }
    public DateTime KeyIssuedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }

    public bool IsRevoked => RevokedAtUtc is not null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static Partner Register(string name, IEnumerable<string> scopes, string keyPrefix, string keyHash, DateTime nowUtc)
    {
        var list = scopes.Distinct(StringComparer.Ordinal).ToList();
        if (list.FirstOrDefault(s => !PartnerScopes.All.Contains(s)) is { } unknown)
        {
            throw new ArgumentException($"Unknown partner scope '{unknown}'.", nameof(scopes));
        }

        return new Partner
        {
            Name = name.Trim(),
            Scopes = string.Join(' ', list.Order(StringComparer.Ordinal)),
            KeyPrefix = keyPrefix,
            KeyHash = keyHash,
            CreatedAtUtc = nowUtc,
            KeyIssuedAtUtc = nowUtc,
        };
    }

    public bool HasScope(string scope) => !IsRevoked && ScopeList.Contains(scope);

    /// <summary>Replaces the key: the old one stops working at once. A revoked partner gets no new key.</summary>
    public void RotateKey(string keyPrefix, string keyHash, DateTime nowUtc)
    {
        if (IsRevoked)
        {
            throw new DomainRuleException(PartnerRules.PartnerRevoked, $"对接系统“{Name}”已吊销，不能再签发密钥 (the partner is revoked; no new key).");
        }

        KeyPrefix = keyPrefix;
        KeyHash = keyHash;
        KeyIssuedAtUtc = nowUtc;
    }

    /// <summary>Revokes the partner: its key is refused from now on. Revoking twice keeps the first time.</summary>
    public void Revoke(DateTime nowUtc) => RevokedAtUtc ??= nowUtc;
}

/// <summary>The stable slugs of the partner rules (the 409 problem types).</summary>
public static class PartnerRules
{
    public const string PartnerRevoked = "partner-revoked";
    public const string PartnerChannel = "partner-channel";
}
