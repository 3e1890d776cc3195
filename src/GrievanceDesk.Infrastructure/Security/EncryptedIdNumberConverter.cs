using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrievanceDesk.Infrastructure.Security;

/// <summary>
/// Complainant.IdNumber in the database: encrypted by <see cref="PersonalDataProtector"/>. A context built without a
/// protector (the design-time factories, a bare test context) has the same model but cannot read or write an ID number.
/// Equality in SQL on the encrypted column never matches (a random nonce per value): search by the lookup hash.
/// </summary>
internal sealed class EncryptedIdNumberConverter(PersonalDataProtector? protector)
    : ValueConverter<string, string>(v => Require(protector).Protect(v), v => Require(protector).Unprotect(v))
{
    private static PersonalDataProtector Require(PersonalDataProtector? protector) =>
        protector ?? throw new InvalidOperationException(
            "ID numbers are encrypted at rest and this database context has no key: configure it with UsePersonalDataProtection (Encryption:Key).");
}
