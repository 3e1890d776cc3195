using System.Text;
using System.Text.RegularExpressions;

namespace GrievanceDesk.Domain.Common;

/// <summary>
/// The one masking policy for free text (a subject, a title, a note, a reason, a reply) that leaves a case for a wider
/// audience: the weekly briefing, exports, public tracking replies (docs/data-protection.md). People type personal data
/// into free text in every shape, so the policy looks for shapes, not for exact strings:
/// <list type="bullet">
/// <item>18-character ID numbers (the last may be X), with or without spaces or hyphens between groups → 110***********123X;</item>
/// <item>mobile numbers in any common spacing (139 1234 5678, 139-1234-5678, +86 139…, 0086-139…) → 139****5678;</item>
/// <item>landlines with an area code (010-12345678, (0755) 8888 6666, 021 6234 5678 转 123) and any other run of 7 or more digits → masked;</item>
/// <item>the names of the case's own complainants, however spaced, and the name in "张伟等5人" / "张伟等人" → 张*.</item>
/// </list>
/// Masked numbers keep at most their first 3 and last 4 digits (docs/product.md §7), so no form of the whole number survives.
/// </summary>
public static partial class FreeTextMasking
{
    /// <summary>Masks <paramref name="text"/>; null and empty give empty.</summary>
    /// <param name="complainantNames">The names of the case's own complainants; names shorter than two characters are left to the patterns.</param>
    public static string Mask(string? text, IEnumerable<string?>? complainantNames = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var masked = IdNumber().Replace(text, m => Masking.IdNumber(DigitsOf(m.Value)));
        masked = Mobile().Replace(masked, m => Masking.Phone(DigitsOf(m.Groups["number"].Value)));
        masked = Landline().Replace(masked, m => Masking.Phone(DigitsOf(m.Value)));
        masked = LongDigitRun().Replace(masked, m => Masking.Phone(m.Value));

        foreach (var name in (complainantNames ?? []).Select(n => n?.Trim()).Where(n => n is { Length: >= 2 }).Distinct().OrderByDescending(n => n!.Length))
        {
            masked = SpacedName(name!).Replace(masked, m => Masking.Name(m.Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal)));
        }

        return NamedGroup().Replace(masked, m => m.Groups["lead"].Value + Masking.Name(m.Groups["name"].Value) + m.Groups["rest"].Value);
    }

    /// <summary>The digits (and a trailing X of an ID number), without separators or a country code's plus sign.</summary>
    private static string DigitsOf(string value)
    {
        var digits = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsDigit(c) || c is 'X' or 'x')
            {
                digits.Append(c);
            }
        }

        return digits.ToString();
    }

    /// <summary>A complainant's name, matched with optional spaces between its characters ("张 伟").</summary>
    private static Regex SpacedName(string name) =>
        new(string.Join(@"[ \u3000]?", name.EnumerateRunes().Select(r => Regex.Escape(r.ToString()))), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Separators people put inside numbers: spaces (also the ideographic one), hyphens (also full-width and dashes), dots, brackets.
    private const string Sep = @"[ \u3000\-\u2010-\u2015\uFF0D.·()（）]?";

    [GeneratedRegex(@"(?<![\dXx])\d(?:" + Sep + @"\d){16}" + Sep + @"[\dXx](?![\dXx])", RegexOptions.CultureInvariant)]
    private static partial Regex IdNumber();

    /// <summary>11 digits from 1, after an optional +86 / 0086 / 86 country code.</summary>
    [GeneratedRegex(@"(?<!\d)(?:(?:\+|＋|00)\s?86" + Sep + @"|86" + Sep + @"(?=1))?(?<number>1(?:" + Sep + @"\d){10})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    /// <summary>An area code (0 and 2–3 digits, maybe in brackets), 7–8 digits in up to two groups, an optional extension.</summary>
    [GeneratedRegex(@"(?<!\d)[(（]?0\d{2,3}[)）]?" + Sep + @"\d{3,4}" + Sep + @"\d{4}(?:\s?(?:转|ext\.?|x|-)\s?\d{1,6})?(?!\d)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Landline();

    [GeneratedRegex(@"\d{7,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigitRun();

    /// <summary>
    /// "张伟等5人", "村民张伟等五人", "张某某等人": the two or three characters before 等 are taken for a name; a known lead
    /// word (村民, 业主, 反映…) is kept apart from it. Never shows more of a name than its first character.
    /// </summary>
    [GeneratedRegex(@"(?<lead>村民|居民|业主|职工|工人|市民|群众|农民工|员工|家属|学生|商户|租户|住户|反映|举报|投诉|来访|信访人)?(?<name>[\p{IsCJKUnifiedIdeographs}]{2,3})(?<rest>等\s*(?:\d+|[一二两三四五六七八九十百千几多余]+)?\s*(?:人|名))", RegexOptions.CultureInvariant)]
    private static partial Regex NamedGroup();
}
