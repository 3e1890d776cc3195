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
