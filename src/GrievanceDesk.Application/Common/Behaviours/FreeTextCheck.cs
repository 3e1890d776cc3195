using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using FluentValidation.Results;

namespace GrievanceDesk.Application.Common.Behaviours;

/// <summary>
/// The free-text rule, once for every request (API and pages alike): each string in the request — its own properties,
/// nested inputs and lists of them — must be free of the characters <see cref="TextRules"/> forbids. A failure names the
/// field as the API's JSON does ("complainants[0].name"), so it becomes a 400 with that field like any other rule.
/// </summary>
public static class FreeTextCheck
{
    private const int MaxDepth = 4;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static IEnumerable<ValidationFailure> Failures(object message)
    {
        var failures = new List<ValidationFailure>();
        Walk(message, string.Empty, 0, failures);
        return failures;
    }

    private static void Walk(object? value, string path, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (TextRules.FirstForbidden(text) is { } cp)
                {
                    failures.Add(new ValidationFailure(path,
                        $"包含不允许的字符 {TextRules.Describe(cp)}：控制字符、双向文字控制符和非字符均不可输入 (control, bidirectional-override and noncharacter code points are not allowed)."));
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var i = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{i++}]", depth + 1, failures);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith("GrievanceDesk", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray()))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", depth + 1, failures);
        }
    }
}
