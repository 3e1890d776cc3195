namespace GrievanceDesk.Infrastructure.Security;

/// <summary>
/// The key that encrypts ID numbers at rest (section "Encryption"): 32 random bytes, base64, the same on every instance
/// and kept for as long as the data is: without it the stored ID numbers cannot be read. To rotate, move the old key to
/// <see cref="PreviousKeys"/> and set a new <see cref="Key"/>: new values are written with the new key, old ones still read.
/// </summary>
public sealed class EncryptionOptions
{
    public const string Section = "Encryption";

    /// <summary>The fixed key of Development and Testing; a production start refuses it. Not a secret.</summary>
    public const string DevelopmentKey = "R3JpZXZhbmNlRGVzay1kZXYta2V5LW5vdC1zZWNyZXQ=";

    public const int KeyBytes = 32;

    /// <summary>The current key, base64 of 32 bytes (e.g. <c>openssl rand -base64 32</c>).</summary>
    public string? Key { get; set; }

    /// <summary>Earlier keys, still read (and searched) but never written with.</summary>
    public List<string> PreviousKeys { get; set; } = [];

    /// <summary>Why <paramref name="key"/> cannot be used in production, or null when it can.</summary>
    public static string? ProductionProblem(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return "Encryption__Key is missing: set a random 32-byte key, base64 (openssl rand -base64 32), the same on every instance, and keep it: the ID numbers are encrypted with it.";
        }

        if (key.Trim() == DevelopmentKey)
        {
            return "Encryption__Key is the development key: set a random 32-byte key, base64 (openssl rand -base64 32).";
        }

        return TryDecode(key, out _) ? null : "Encryption__Key is not base64 of exactly 32 bytes: set a random 32-byte key, base64 (openssl rand -base64 32).";
    }

    internal static bool TryDecode(string? key, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var buffer = new byte[KeyBytes + 3];
        if (!Convert.TryFromBase64String(key.Trim(), buffer, out var written) || written != KeyBytes)
        {
            return false;
        }

        bytes = buffer[..KeyBytes];
        return true;
    }
}
