using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>One request of the corpus, as bytes on the wire.</summary>
public sealed record RawRequest(string What, HttpMethod Method, string Path, byte[]? Body, string? ContentType, string? IfMatch = null)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        if (IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        return message;
    }

    public override string ToString() =>
        $"{Method} {Shorten(Path)} [{What}]" + (Body is null ? string.Empty : $" body={Shorten(Encoding.UTF8.GetString(Body))}");

    private static string Shorten(string text) => text.Length <= 160 ? text : $"{text[..150]}…({text.Length} chars)";
}

/// <summary>
/// Generates requests that are wrong — each in one way — for a write endpoint, from a valid sample request and the
/// endpoint's OpenAPI schema: bad route values, missing and malformed bodies, wrong content types, and for every
/// property wrong types, nulls, huge strings (1 MB), negative and huge numbers, bad enums, bad dates, SQL and HTML in
/// identifiers. Every one of them must be refused with a 4xx problem and leave the database as it was.
/// </summary>
public static class BadRequests
{
    public const string Json = "application/json";

    private static readonly string Huge = new('瞎', 1024 * 1024 / 3); // ~1 MB of UTF-8

    private static readonly string[] Injections =
    [
        "' OR '1'='1",
        "'; DROP TABLE Cases; --",
        "1; DELETE FROM AspNetUsers",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
    ];

    /// <summary>Characters no free text or name may carry: control characters, bidirectional overrides and isolates, noncharacters.</summary>
    private static readonly (string What, string Text)[] ForbiddenCharacters =
    [
        ("NUL", "\u0000"),
        ("a control character (ESC)", "\u001B"),
        ("a right-to-left override U+202E", "\u202E"),
        ("a left-to-right isolate U+2066", "\u2066"),
        ("noncharacter U+FFFE", "\uFFFE"),
        ("noncharacter U+FFFF", "\uFFFF"),
        ("noncharacter U+FDD0", "\uFDD0"),
    ];

    private static readonly Dictionary<string, string[]> BadRouteValues = new(StringComparer.Ordinal)
    {
        ["{id}"] = ["0", "-1", "9223372036854775807", "99999999999999999999", "abc", "1.5", "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
        ["{extensionId}"] = ["abc", "-1", "99999999999999999999"],
        ["{pauseId}"] = ["abc", "-1", "99999999999999999999"],
        ["{deliveryId}"] = ["abc", "-1", "99999999999999999999"],
        ["{date}"] = ["2026-02-30", "notadate", "99999-01-01", "%27%20OR%201%3D1--"],
        ["{userName}"] = ["%27%20OR%20%271%27%3D%271", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", new string('x', 5000), "%EF%BF%BE", "a%EF%BF%BFb", "%E2%80%AEadmin"],
        ["{jobId}"] = ["%27%3B%20DROP%20TABLE%20Cases%3B--", "%3Cscript%3E", new string('x', 5000)],
    };

    public static IEnumerable<RawRequest> For(ApiOperation op, ApiSurface api, Targets targets)
    {
        var method = new HttpMethod(op.Method);
        var path = SampleRequests.Path(op, targets);
        var sample = SampleRequests.Body(op, targets);
        var sampleBytes = sample is null ? null : Encoding.UTF8.GetBytes(sample.ToJsonString());

        // Route values that are not ids, dates or names of anything (with the valid body, so only the route is wrong).
        foreach (var (parameter, values) in BadRouteValues)
        {
            if (!op.Template.Contains(parameter, StringComparison.Ordinal))
            {
                continue;
            }

            var good = SampleRequests.Path(op with { Template = op.Template.Replace(parameter, "\u0001", StringComparison.Ordinal) }, targets);
            foreach (var value in values)
            {
                yield return new RawRequest($"route {parameter}={value}", method, good.Replace("\u0001", value, StringComparison.Ordinal), sampleBytes, sampleBytes is null ? null : Json);
            }
        }

        if (sample is null)
        {
            yield break; // an endpoint without a body is wrong only through its route
        }

        foreach (var request in BodyLevel(method, path, sample))
        {
            yield return request;
        }

        if (op.IsCaseBound)
        {
            foreach (var ifMatch in new[] { "\"abc\"", "\"-1\"", "\"99999999999999999999\"", "W/\"x\"" })
            {
                yield return new RawRequest($"If-Match {ifMatch}", method, path, sampleBytes, Json, ifMatch);
            }
        }

        var schema = api.Resolve(op.BodySchema!.Value);
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            var kind = KindOf(property.Value, api);
            foreach (var (what, value) in PropertyMutations(property.Name, kind, required.Contains(property.Name)))
            {
                var body = (JsonObject)sample.DeepClone();
                if (value is null)
                {
                    body.Remove(property.Name);
                    yield return new RawRequest($"{property.Name}: {what}", method, path, Encoding.UTF8.GetBytes(body.ToJsonString()), Json);
                    continue;
                }

                // Raw JSON text: spliced in, so that the wrong type reaches the server as written.
                body[property.Name] = "\u0002";
                var text = body.ToJsonString().Replace("\"\\u0002\"", value, StringComparison.Ordinal);
                yield return new RawRequest($"{property.Name}: {what}", method, path, Encoding.UTF8.GetBytes(text), Json);
            }
        }
    }

    private static IEnumerable<RawRequest> BodyLevel(HttpMethod method, string path, JsonObject sample)
    {
        var json = sample.ToJsonString();
        RawRequest Text(string what, string body, string? contentType = Json) => new(what, method, path, Encoding.UTF8.GetBytes(body), contentType);

        yield return new RawRequest("no body", method, path, null, null);
        yield return Text("empty body", string.Empty);
        yield return Text("literal null", "null");
        foreach (var malformed in new[] { "{", "{\"", "{]", "[1,2", "nul", "{\"a\":}", "{'reason':'x'}", "\u0000", json + "}", json[..^1], json + " trailing", json.Insert(json.Length - 1, ",") })
        {
            yield return Text($"malformed JSON {Shorten(malformed)}", malformed);
        }

        foreach (var root in new[] { "[]", "123", "\"text\"", "true", "[" + json + "]" })
        {
            yield return Text($"wrong root {Shorten(root)}", root);
        }

        yield return Text("nested 1000 deep", new string('[', 1000) + new string(']', 1000));
        yield return new RawRequest("invalid UTF-8", method, path, [.. "{\""u8, 0xFF, 0xFE, 0xC3, 0x28, .. "\":1}"u8], Json);
        yield return Text("1 MB of junk", new string('A', 1024 * 1024));
        yield return Text("unknown property isAdmin", json.Insert(json.Length - 1, ",\"isAdmin\":true"));
        yield return Text("1 MB unknown property", json.Insert(json.Length - 1, $",\"padding\":\"{Huge}\""));
        yield return Text("SQL in a property name", json.Insert(json.Length - 1, ",\"x'; DROP TABLE Cases; --\":1"));
        foreach (var contentType in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream" })
        {
            yield return Text($"content type {contentType}", json, contentType);
        }

        yield return Text("form-encoded body", "reason=x&note=y", "application/x-www-form-urlencoded");
        foreach (var charset in new[] { "ebcdic", "utf-7", string.Empty, "\"\"", "x-unknown" })
        {
            yield return Text($"JSON in charset '{charset}'", json, $"application/json; charset={charset}");
        }
    }

    private enum Kind
    {
        Text,
        Identifier,
        Enum,
        DateTime,
        Integer,
        Boolean,
        Array,
        Object,
    }

    private sealed record PropertyKind(Kind Kind, bool Nullable, bool ItemsAreObjects);

    private static PropertyKind KindOf(JsonElement schema, ApiSurface api)
    {
        var nullable = schema.TryGetProperty("oneOf", out _)
            || (schema.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array && t.EnumerateArray().Any(x => x.GetString() == "null"));
        var resolved = api.Resolve(schema);
        if (resolved.TryGetProperty("enum", out var values))
        {
            return new PropertyKind(Kind.Enum, nullable || values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null), false);
        }

        var types = resolved.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(x => x.GetString()!).ToList() : [type.GetString()!]
            : ["object"];
        var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("array"))
        {
            var items = resolved.TryGetProperty("items", out var i) ? api.Resolve(i) : default;
            var objects = items.ValueKind == JsonValueKind.Object && items.TryGetProperty("properties", out _);
            return new PropertyKind(Kind.Array, nullable, objects);
        }

        if (types.Contains("integer"))
        {
            return new PropertyKind(Kind.Integer, nullable, false);
        }

        if (types.Contains("boolean"))
        {
            return new PropertyKind(Kind.Boolean, nullable, false);
        }

        if (types.Contains("string"))
        {
            return new PropertyKind(format == "date-time" ? Kind.DateTime : Kind.Text, nullable, false);
        }

        return new PropertyKind(Kind.Object, nullable, false);
    }

    /// <summary>Codes and user names: a value that names nothing is wrong, so SQL and HTML there must be refused.</summary>
    private static bool IsIdentifier(string name) =>
        name.EndsWith("Code", StringComparison.Ordinal) || name.EndsWith("UserName", StringComparison.Ordinal) || name is "code" or "userName";

    /// <summary>(what, raw JSON) pairs; a null JSON text means "leave the property out".</summary>
    private static IEnumerable<(string What, string? Json)> PropertyMutations(string name, PropertyKind type, bool required)
    {
        var kind = type.Kind == Kind.Text && IsIdentifier(name) ? Kind.Identifier : type.Kind;
        if (kind != Kind.Object)
        {
            yield return ("an object", "{}");
        }

        if (kind != Kind.Array)
        {
            yield return ("an array", "[]");
        }

        if (!type.Nullable)
        {
            yield return ("null", "null");

            // Left out, a value type takes its default, which may be a valid value (false, the first enum member).
            if (required && kind is Kind.Text or Kind.Identifier or Kind.DateTime or Kind.Array or Kind.Object)
            {
                yield return ("missing", null);
            }
        }

        switch (kind)
        {
            case Kind.Text:
            case Kind.Identifier:
                yield return ("a number", "123");
                yield return ("a boolean", "true");
                yield return ("1 MB string", JsonSerializer.Serialize(Huge));
                foreach (var (what, text) in ForbiddenCharacters)
                {
                    yield return (what, JsonSerializer.Serialize($"正常文字{text}结尾"));
                }

                if (kind == Kind.Identifier)
                {
                    foreach (var injection in Injections)
                    {
                        yield return ($"injection {injection}", JsonSerializer.Serialize(injection));
                    }
                }

                break;
            case Kind.Enum:
                foreach (var bad in new[] { "bogus", "<script>alert(1)</script>", "' OR '1'='1", string.Empty })
                {
                    yield return ($"enum {bad}", JsonSerializer.Serialize(bad));
                }

                yield return ("enum as integer", "1");
                yield return ("a boolean", "true");
                break;
            case Kind.DateTime:
                foreach (var bad in new[] { "2026-13-45T25:61:00Z", "yesterday", string.Empty, "9999-12-31T23:59:59+14:00", "0001-01-01T00:00:00+08:00", "1900-01-01T00:00:00Z", "2026-02-30T10:00:00+08:00" })
                {
                    yield return ($"date {bad}", JsonSerializer.Serialize(bad));
                }

                yield return ("date as number", "20260101");
                break;
            case Kind.Integer:
                yield return ("text", "\"abc\"");
                yield return ("a fraction", "1.5");
                yield return ("1e400", "1e400");
                yield return ("huge", "99999999999999999999");
                yield return ("a boolean", "true");
                if (name != "id")
                {
                    yield return ("negative", "-1");
                    yield return ("int.MinValue", "-2147483648");
                }

                break;
            case Kind.Boolean:
                yield return ("text", "\"yes\"");
                yield return ("a number", "2");
                yield return ("a string true", "\"true\"");
                break;
            case Kind.Array:
                yield return ("text", "\"x\"");
                yield return ("a null item", "[null]");
                yield return ("an empty object item", "[{}]");
                yield return ("an HTML item", "[\"<script>alert(1)</script>\"]");
                yield return ("10000 items", "[" + string.Join(",", Enumerable.Repeat(type.ItemsAreObjects ? "{}" : "\"x\"", 10_000)) + "]");
                break;
            case Kind.Object:
                yield return ("a number", "123");
                yield return ("text", "\"x\"");
                yield return ("an empty object", "{}");
                yield return ("an unknown member", "{\"unknown\":1}");
                break;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "…";
}
