using System.Security.Cryptography;
using System.Text;

namespace GrievanceDesk.Infrastructure.Security;

/// <summary>
/// Encrypts ID numbers at rest and makes them findable without decrypting (docs/product.md §7). From each configured secret two
/// keys are derived with HKDF-SHA256: one for AES-256-GCM, one for an HMAC-SHA256 lookup hash.
/// A stored value is <c>v1:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>: a random 96-bit nonce per value (equal ID
/// numbers encrypt differently), and the id of the key it was written with, so that after a rotation the values written
/// with an earlier key still read. Thread-safe.
/// </summary>
public sealed class PersonalDataProtector
{
    private const string Format = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    // Binds a ciphertext to what it is: an ID number moved into another column does not decrypt there.
    private static readonly byte[] IdNumberPurpose = "grievancedesk/complainant/id-number"u8.ToArray();

    private readonly RingKey _current;
    private readonly Dictionary<string, RingKey> _ring;

    /// <param name="currentKey">Base64 of 32 bytes: written with and read.</param>
    /// <param name="previousKeys">Base64 of 32 bytes each: read only.</param>
    public PersonalDataProtector(string currentKey, IEnumerable<string>? previousKeys = null)
    {
        _current = RingKey.From(currentKey);
        _ring = new Dictionary<string, RingKey>(StringComparer.Ordinal) { [_current.Id] = _current };
        foreach (var previous in previousKeys ?? [])
        {
            var key = RingKey.From(previous);
            _ring.TryAdd(key.Id, key);
        }
    }

    /// <summary>The id of the key new values are written with (a fingerprint, not the key).</summary>
    public string KeyId => _current.Id;

    /// <summary>Every key id this protector reads, current first.</summary>
    public IReadOnlyCollection<string> KeyIds => _ring.Keys;

    public string Protect(string idNumber)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var plain = Encoding.UTF8.GetBytes(idNumber);
        var payload = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = payload.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.EncryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, payload.AsSpan(NonceBytes, plain.Length), payload.AsSpan(NonceBytes + plain.Length), IdNumberPurpose);
        return $"{Format}:{_current.Id}:{Convert.ToBase64String(payload)}";
    }

    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split(':');
        if (parts.Length != 3 || parts[0] != Format)
        {
            throw new CryptographicException("A stored ID number is not in the encrypted format v1:{keyId}:{data}.");
        }

        if (!_ring.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException(
                $"A stored ID number was encrypted with key {parts[1]}, which is not configured: add it to Encryption:PreviousKeys.");
        }

        var payload = Convert.FromBase64String(parts[2]);
        if (payload.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("A stored ID number is truncated.");
        }

        var length = payload.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using var aes = new AesGcm(key.EncryptionKey, TagBytes);
        aes.Decrypt(payload.AsSpan(0, NonceBytes), payload.AsSpan(NonceBytes, length), payload.AsSpan(NonceBytes + length), plain, IdNumberPurpose);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The lookup hash stored beside a new value (current key).</summary>
    public string LookupHash(string idNumber) => _current.Hash(idNumber);

    /// <summary>The lookup hashes of an ID number under every key this protector reads, for a search that also finds values written before a rotation.</summary>
    public IReadOnlyList<string> LookupHashes(string idNumber) => _ring.Values.Select(k => k.Hash(idNumber)).Distinct().ToList();

    /// <summary>The form an ID number is hashed in: "11010519491231002x" and " 11010519491231002X" find each other.</summary>
    public static string Normalize(string idNumber) => idNumber.Trim().ToUpperInvariant();

    private sealed record RingKey(string Id, byte[] EncryptionKey, byte[] HashKey)
    {
        public static RingKey From(string base64)
        {
            if (!EncryptionOptions.TryDecode(base64, out var secret))
            {
                throw new ArgumentException("An encryption key must be base64 of exactly 32 bytes.", nameof(base64));
            }

            var encryption = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: "grievancedesk/v1/aes-gcm"u8.ToArray());
            var hash = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: "grievancedesk/v1/lookup-hmac"u8.ToArray());
            var fingerprint = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 6, salt: [], info: "grievancedesk/v1/key-id"u8.ToArray());
            var id = Convert.ToBase64String(fingerprint).Replace('+', '-').Replace('/', '_');
            return new RingKey(id, encryption, hash);
        }

        public string Hash(string idNumber) =>
            Convert.ToBase64String(HMACSHA256.HashData(HashKey, Encoding.UTF8.GetBytes(Normalize(idNumber))));
    }
}
