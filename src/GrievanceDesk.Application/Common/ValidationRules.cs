using FluentValidation;

namespace GrievanceDesk.Application.Common;

/// <summary>Field rules shared by several validators, so a code or a name is validated the same everywhere.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string> ValidCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(32).Matches("^[A-Za-z0-9][A-Za-z0-9_-]*$")
            .WithMessage("编码只能包含字母、数字、下划线和连字符 (letters, digits, '_' and '-' only).");

    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilder<T, string> rule, int maxLength = 64) =>
        rule.NotEmpty().MaximumLength(maxLength);

    public static IRuleBuilderOptions<T, int?> ValidOptionalId<T>(this IRuleBuilder<T, int?> rule) =>
        rule.GreaterThan(0).When((_, v) => v is not null, ApplyConditionTo.CurrentValidator);

    /// <summary>A date filter or a date the office records: inside <see cref="TextRules.EarliestDate"/>–<see cref="TextRules.LatestDate"/>.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> SupportedDate<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || TextRules.IsSupported(d.Value))
            .WithMessage($"日期须在 {TextRules.EarliestDate:yyyy-MM-dd} 至 {TextRules.LatestDate:yyyy-MM-dd} 之间 (date out of the supported range).");
}

/// <summary>
/// The character and calendar limits every input shares. Free text as a person types it has no control characters
/// (NUL, escape… — line breaks and tabs are allowed), no bidirectional overrides or isolates (U+202A–U+202E,
/// U+2066–U+2069, which make text read differently from what it is), no Unicode noncharacters (U+FFFE, U+FFFF,
/// U+FDD0–U+FDEF…) and no lone surrogates: <see cref="Behaviours.FreeTextCheck"/> applies this to every string of
/// every request, before its validators.
/// </summary>
public static class TextRules
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2999, 12, 31);

    public static bool IsSupported(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    public static bool IsSupported(DateTime local) => IsSupported(DateOnly.FromDateTime(local));

    /// <summary>The first code point that free text may not contain, or null.</summary>
    public static int? FirstForbidden(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if ((cp & 0xFFFE) == 0xFFFE)
                {
                    return cp; // U+1FFFE, U+1FFFF … U+10FFFF: noncharacters
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c) || IsForbidden(c))
            {
                return c;
            }
        }

        return null;
    }

    public static string Describe(int? codePoint) => codePoint is { } cp ? $"U+{cp:X4}" : string.Empty;

    private static bool IsForbidden(char c) =>
        (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is >= '\uFDD0' and <= '\uFDEF'
        || c is '\uFFFE' or '\uFFFF';
}

/// <summary>What the admin sends for a coded tree node (unit, category, region).</summary>
public interface ITreeNodeInput
{
    string Code { get; }
    string Name { get; }
    int? ParentId { get; }
}

/// <summary>The field rules of a coded tree node; each command's validator derives from it and adds its own.</summary>
public abstract class TreeNodeInputValidator<T> : AbstractValidator<T>
    where T : ITreeNodeInput
{
    protected TreeNodeInputValidator()
    {
        RuleFor(x => x.Code).ValidCode();
        RuleFor(x => x.Name).ValidName();
        RuleFor(x => x.ParentId).ValidOptionalId();
    }
}

/// <summary>Formats of personal numbers (docs/product.md §7): mainland mobile or landline phones, and the 18-digit resident ID with its check digit.</summary>
public static class PersonalNumbers
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckDigits = "10X98765432";

    /// <summary>A mobile number (1 and ten digits) or a landline with area code (0 + 2–3 digits, 7–8 digits, optional dash).</summary>
    public static bool IsPhone(string? value) =>
        value is not null && System.Text.RegularExpressions.Regex.IsMatch(value, @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$");

    /// <summary>GB 11643: 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsIdNumber(string? value)
    {
        if (value is null || value.Length != 18 || !value[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(value.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (value[i] - '0') * IdWeights[i];
        }

        return char.ToUpperInvariant(value[17]) == IdCheckDigits[sum % 11];
    }
}
