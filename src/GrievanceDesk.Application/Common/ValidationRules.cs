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

/// <summary>Formats of personal numbers (SPEC §7): mainland mobile or landline phones, and the 18-digit resident ID with its check digit.</summary>
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
