using System.Security.Cryptography;
using GrievanceDesk.Infrastructure.Security;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>The ID number cipher on its own: AES-GCM with a random nonce, tamper-evident, keyed lookup hashes, key rotation.</summary>
public sealed class PersonalDataProtectorTests
{
    private static readonly string KeyA = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string KeyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_value_round_trips_and_never_encrypts_the_same_way_twice()
    {
        var protector = new PersonalDataProtector(KeyA);

        var one = protector.Protect("11010519491231002X");
        var two = protector.Protect("11010519491231002X");

        one.ShouldNotBe(two);
        one.ShouldStartWith($"v1:{protector.KeyId}:");
        protector.Unprotect(one).ShouldBe("11010519491231002X");
        protector.Unprotect(two).ShouldBe("11010519491231002X");
    }

    [Fact]
    public void A_tampered_value_or_one_under_an_unknown_key_does_not_decrypt()
    {
        var protector = new PersonalDataProtector(KeyA);
        var stored = protector.Protect("11010519491231002X");
        var payload = Convert.FromBase64String(stored.Split(':')[2]);
        payload[^1] ^= 1;
        var tampered = $"v1:{protector.KeyId}:{Convert.ToBase64String(payload)}";

        Should.Throw<CryptographicException>(() => protector.Unprotect(tampered));
        Should.Throw<CryptographicException>(() => new PersonalDataProtector(KeyB).Unprotect(stored))
            .Message.ShouldContain("Encryption:PreviousKeys");
        Should.Throw<CryptographicException>(() => protector.Unprotect("11010519491231002X"));
    }

    [Fact]
    public void After_a_rotation_old_values_still_read_and_the_search_looks_for_both_hashes()
    {
        var before = new PersonalDataProtector(KeyA);
        var stored = before.Protect("11010519491231002X");
        var rotated = new PersonalDataProtector(KeyB, [KeyA]);

        rotated.Unprotect(stored).ShouldBe("11010519491231002X");
        rotated.Protect("x").ShouldStartWith($"v1:{rotated.KeyId}:");
        rotated.KeyId.ShouldNotBe(before.KeyId);
        rotated.LookupHashes("11010519491231002x").ShouldBe([rotated.LookupHash("11010519491231002X"), before.LookupHash("11010519491231002X")]);
    }

    [Fact]
    public void The_lookup_hash_is_keyed_and_ignores_case_and_spaces()
    {
        var a = new PersonalDataProtector(KeyA);

        a.LookupHash(" 11010519491231002x ").ShouldBe(a.LookupHash("11010519491231002X"));
        new PersonalDataProtector(KeyB).LookupHash("11010519491231002X").ShouldNotBe(a.LookupHash("11010519491231002X"));
        Convert.ToHexString(SHA256.HashData("11010519491231002X"u8)).ShouldNotContain(Convert.ToHexString(Convert.FromBase64String(a.LookupHash("11010519491231002X"))));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData(EncryptionOptions.DevelopmentKey, "development key")]
    [InlineData("c2hvcnQ=", "exactly 32 bytes")]
    [InlineData("not base64 at all!", "exactly 32 bytes")]
    public void A_production_key_must_be_32_random_bytes_and_not_the_development_key(string? key, string problem) =>
        EncryptionOptions.ProductionProblem(key).ShouldNotBeNull().ShouldContain(problem);

    [Fact]
    public void A_real_key_passes()
    {
        EncryptionOptions.ProductionProblem(KeyA).ShouldBeNull();
        Should.Throw<ArgumentException>(() => new PersonalDataProtector("c2hvcnQ="));
    }
}
