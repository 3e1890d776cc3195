using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GrievanceDesk.Domain.Common;

/// <summary>
/// Masks personal data for lists, exports and briefings (docs/product.md §7): <c>138****5678</c>, <c>110***********1234</c>, <c>张*</c>.
/// Null stays null and blank stays as it is; a value too short to show a part of safely is masked whole.
/// </summary>
public static class Masking
{
    private const char Star = '*';

    /// <summary>Keeps the first 3 and the last 4 characters of a number of 11 or more ("138****5678"), the last 4 of 8–10, none of a shorter one.</summary>
    [return: NotNullIfNotNull(nameof(phone))]
    public static string? Phone(string? phone) => KeepEnds(phone?.Trim(), minLengthForHead: 11, minLengthForTail: 8);

    /// <summary>Keeps the first 3 and the last 4 characters of an ID number ("110***********1234"); a short value is masked whole.</summary>
    [return: NotNullIfNotNull(nameof(idNumber))]
    public static string? IdNumber(string? idNumber) => KeepEnds(idNumber?.Trim(), minLengthForHead: 8, minLengthForTail: 8);

    /// <summary>Keeps the first character (the surname): "张三" → "张*", "欧阳娜娜" → "欧***", "王" → "王*".</summary>
    [return: NotNullIfNotNull(nameof(name))]
    public static string? Name(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return trimmed;
        }

        // Text elements, so that a surname outside the Basic Multilingual Plane (a surrogate pair) stays whole.
        var text = new StringInfo(trimmed);
        var first = text.SubstringByTextElements(0, 1);
        return first + new string(Star, Math.Max(1, text.LengthInTextElements - 1));
    }

    private static string? KeepEnds(string? value, int minLengthForHead, int minLengthForTail)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var head = value.Length >= minLengthForHead ? 3 : 0;
        var tail = value.Length >= minLengthForTail ? 4 : 0;
        return string.Concat(value.AsSpan(0, head), new string(Star, value.Length - head - tail), value.AsSpan(value.Length - tail));
    }
}
