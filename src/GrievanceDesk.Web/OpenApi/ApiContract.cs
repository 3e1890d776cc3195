using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrievanceDesk.Web.OpenApi;

/// <summary>
/// The API contract at /openapi/v1.json, by convention rather than by hand on each endpoint: every operation gets an
/// operationId, a summary and a tag (from the route when the endpoint names none), the security scheme its
/// authorization metadata asks for, and the problem responses it can give (see <see cref="ContractOperationTransformer"/>).
/// A new endpoint needs nothing beyond its route, its typed result and, for readers, <c>.WithSummary(...)</c>.
/// </summary>
public static class ApiContract
{
    public const string BearerScheme = "bearer";
    public const string PartnerKeyScheme = "partnerKey";

    /// <summary>The header a partner system sends its key in.</summary>
    public const string PartnerKeyHeader = "X-Api-Key";

    public const string ProblemSchema = "Problem";
    public const string ValidationProblemSchema = "ValidationProblem";

    /// <summary>What each tag stands for; a tag not listed here gets a generic description (and still lints).</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Auth"] = "Sign-in for staff (bearer token) and the caller's identity.",
        ["Cases"] = "The case (信访件/工单) and its life: intake, dispatch, handling, resolution, feedback, closing, return visit.",
        ["Public"] = "Self-service tracking for the complainant (阳光信访): no sign-in, rate limited, nothing personal.",
        ["Reference data"] = "Units, categories and regions as every signed-in user reads them.",
        ["Admin"] = "Administration (Admin role): reference data, users, routing rules, SLA policies, holidays, jobs.",
        ["Statistics"] = "The figures of the office (docs/product.md §5), computed in the database.",
        ["Briefings"] = "The weekly briefing (每周信访工作简报): archive and PDF.",
        ["Partners"] = "Partner systems (上级平台, 政务门户, 小程序) calling in with their own key: intake with an external reference, reading their own cases, webhook subscriptions.",
        ["Partner administration"] = "Admin: registering partner systems, their keys and scopes, and the webhook deliveries sent to them.",
    };

    public static IServiceCollection AddGrievanceDeskOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer<EnumSchemaTransformer>();
            o.AddOperationTransformer<ContractOperationTransformer>();
            o.AddDocumentTransformer<ContractDocumentTransformer>();
        });

    public static string DescribeTag(string tag) =>
        TagDescriptions.TryGetValue(tag, out var description) ? description : $"Operations tagged {tag}.";

    /// <summary>The shared components the conventions refer to: security schemes and the problem body schemas.</summary>
    internal static void EnsureComponents(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        var components = document.Components;
        components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "Staff: the accessToken from POST /api/auth/token, sent as `Authorization: Bearer <token>`.",
        });
        components.SecuritySchemes.TryAdd(PartnerKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PartnerKeyHeader,
            Description = "Partner systems: the key an administrator issued (shown once), sent as `X-Api-Key: <key>`.",
        });

        components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        components.Schemas.TryAdd(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. `type` names the rule that refused the request (e.g. …/problems/feedback-required).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        });
        components.Schemas.TryAdd(ValidationProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A 400 problem with the messages per field (camelCase field name → messages).",
            AllOf = [new OpenApiSchemaReference(ProblemSchema, document)],
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        });
    }

    /// <summary>An example request body on an operation's JSON body (intake examples for integrators).</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string name, string summary, object example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true && media is OpenApiMediaType json)
            {
                json.Examples ??= new Dictionary<string, IOpenApiExample>();
                json.Examples[name] = new OpenApiExample
                {
                    Summary = summary,
                    Value = System.Text.Json.JsonSerializer.SerializeToNode(example, ExampleJson.Options),
                };
            }

            return Task.CompletedTask;
        });

    /// <summary>The app's JSON conventions (camelCase, enums as snake_case strings), for examples.</summary>
    private static class ExampleJson
    {
        public static readonly System.Text.Json.JsonSerializerOptions Options = Create();

        private static System.Text.Json.JsonSerializerOptions Create()
        {
            var o = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
            o.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
            return o;
        }
    }
}

/// <summary>Marks the endpoints that honour an <c>If-Match</c> with the case version (optimistic concurrency).</summary>
public sealed class AcceptsIfMatchAttribute : Attribute;
