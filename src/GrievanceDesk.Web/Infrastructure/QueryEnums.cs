using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// Enum values in query strings are written as in JSON (snake_case: "in_progress", "feedback_given"); an unknown
/// value is a 400 naming the parameter, never a silent "no filter".
/// </summary>
internal static class QueryEnums
{
    public static T? Parse<T>(string? value, string parameter)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(candidate.ToString()), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var allowed = string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString())));
        throw new ValidationException([new ValidationFailure(parameter, $"未知取值 “{value}”；可选：{allowed} (unknown value).")]);
    }
}
