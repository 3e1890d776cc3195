using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrievanceDesk.Web.OpenApi;

/// <summary>
/// Enums are read and written by their exact snake_case names (the strict converter of
/// <see cref="Infrastructure.StrictJson"/>), which the schema generator cannot see through: every enum schema, and every
/// nullable enum's, is described here as a string with those names (and null where the member is optional), so a client
/// generator makes a real enum of it.
/// </summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var enumType = type.IsEnum ? type : underlying is { IsEnum: true } ? underlying : null;
        if (enumType is null)
        {
            return Task.CompletedTask;
        }

        var names = Enum.GetNames(enumType).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.SnakeCaseLower.ConvertName(n))).ToList();
        if (underlying is not null)
        {
            names.Add(null!); // JSON null: the optional member may be left out or sent as null
        }

        schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        schema.Enum = names;
        return Task.CompletedTask;
    }
}
