using Microsoft.AspNetCore.Identity;

namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>
/// Identity's upper-invariant lookup key, without its crash: string.Normalize throws on some code points (U+FFFE,
/// U+FFFF), and a user name is looked up before any validator could see it (a sign-in, a route). Such a name simply
/// finds nobody.
/// </summary>
internal sealed class SafeLookupNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => Normalize(name);

    public string? NormalizeEmail(string? email) => Normalize(email);

    private static string? Normalize(string? value)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return value.Normalize().ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            return value.ToUpperInvariant();
        }
    }
}
