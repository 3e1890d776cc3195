using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// The request contracts, read strictly in one place for every endpoint: an enum, bool or time that a contract declares
/// without a default is required (a missing one is a 400 naming the field, never a silently defaulted value); enum values
/// are their exact snake_case names ("visit", not "VISIT" or " visit"); a time must carry its offset ("+08:00" or "Z").
/// </summary>
internal static partial class StrictJson
{
    public static void Apply(JsonSerializerOptions o)
    {
        // Ahead of the general enum converter, so that these win.
        o.Converters.Insert(0, new ExactEnumConverterFactory());
        o.Converters.Insert(0, new OffsetRequiredConverter());
        o.TypeInfoResolver = (o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireValueMembers);
    }

    /// <summary>"missing required properties including: 'channel', 'kind'" → channel, kind.</summary>
    public static IReadOnlyList<string> MissingMembers(JsonException e) =>
        e.Message.Contains("missing required properties", StringComparison.Ordinal)
            ? [.. QuotedName().Matches(e.Message[e.Message.IndexOf("including", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value)]
            : [];

    /// <summary>The field a converter refused: "$.channel" → channel, "$.complainants[0].phone" → complainants[0].phone.</summary>
    public static string? FieldOf(JsonException e) => e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;

    private static void RequireValueMembers(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            var t = property.PropertyType;
            var valueThatDefaults = t.IsEnum || t == typeof(bool) || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(DateOnly);
            // Only what a request can carry (a constructor parameter or a setter); a computed getter is never read.
            var readable = property.AssociatedParameter is not null || property.Set is not null;
            if (valueThatDefaults && readable && property.AssociatedParameter is not { HasDefaultValue: true })
            {
                property.IsRequired = true;
            }
        }
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitOffset();

    /// <summary>A DateTimeOffset written without an offset would be read in the server's own zone: refused.</summary>
    private sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null || !ExplicitOffset().IsMatch(text) || !reader.TryGetDateTimeOffset(out var value))
            {
                throw new JsonException($"时间“{text}”须带时区偏移，如 2026-11-28T09:00:00+08:00 (an offset such as +08:00 is required).");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class ExactEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ExactEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    /// <summary>Reads exactly the snake_case name of a value; writes it.</summary>
    private sealed class ExactEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().ToFrozenDictionary(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), StringComparer.Ordinal);

        private static readonly FrozenDictionary<T, string> NameOf = ByName.ToFrozenDictionary(p => p.Value, p => p.Key);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is not null && ByName.TryGetValue(text, out var value))
            {
                return value;
            }

            var shown = text ?? reader.TokenType.ToString();
            throw new JsonException($"“{shown}”不是有效取值，可选：{string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal))} (unknown value; names are exact and lower-case).");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(NameOf.TryGetValue(value, out var name) ? name : JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));
    }
}
