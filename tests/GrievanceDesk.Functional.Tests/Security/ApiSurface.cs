using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>One operation of the OpenAPI document: "POST /api/cases/{id}/dispatch" and its request body schema, if any.</summary>
public sealed record ApiOperation(string Method, string Template, JsonElement Operation)
{
    public string Key => $"{Method} {Template}";

    public bool IsWrite => Method is "POST" or "PUT" or "DELETE" or "PATCH";

    /// <summary>The path is a case of the case API: a 404 there means "not yours to see".</summary>
    public bool IsCaseBound => Template.StartsWith("/api/cases/{id}", StringComparison.Ordinal);

    public JsonElement? BodySchema =>
        Operation.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    public override string ToString() => Key;
}

/// <summary>The API as the OpenAPI document at /openapi/v1.json describes it.</summary>
public sealed class ApiSurface(JsonElement document, IReadOnlyList<ApiOperation> operations)
{
    public JsonElement Document { get; } = document;

    public IReadOnlyList<ApiOperation> Operations { get; } = operations;

    public static async Task<ApiSurface> Load(GrievanceDeskFactory app)
    {
        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(text).RootElement.Clone();
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Name is "get" or "post" or "put" or "delete" or "patch")
                {
                    operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, operation.Value));
                }
            }
        }

        return new ApiSurface(document, operations);
    }

    /// <summary>Follows a <c>$ref</c> (or a nullable <c>oneOf [null, $ref]</c>) to its schema.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return Resolve(Document.GetProperty("components").GetProperty("schemas").GetProperty(name));
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            foreach (var option in oneOf.EnumerateArray())
            {
                if (!(option.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                {
                    return Resolve(option);
                }
            }
        }

        return schema;
    }
}

/// <summary>Every table of the app's database, counted and hashed row by row: a write of any kind changes the snapshot.</summary>
public static class DatabaseSnapshot
{
    public static async Task<string> ConnectionString(GrievanceDeskFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GetConnectionString()!;
    }

    /// <summary>Table name → "rows:sha256 of the rows" (rows in a stable order: their texts sorted).</summary>
    public static async Task<Dictionary<string, string>> Take(GrievanceDeskFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Database.IsSqlite()
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
                    row.Append(value).Append('\u001f');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)));
            snapshot[table] = $"{rows.Count}:{Convert.ToHexString(hash)[..16]}";
        }

        return snapshot;
    }

    /// <summary>The tables whose rows differ, as "table: before → after".</summary>
    public static List<string> Diff(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t}: {before.GetValueOrDefault(t) ?? "(none)"} → {after.GetValueOrDefault(t) ?? "(none)"}")
            .ToList();
}
