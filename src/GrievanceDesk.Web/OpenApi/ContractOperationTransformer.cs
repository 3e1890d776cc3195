using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace GrievanceDesk.Web.OpenApi;

/// <summary>
/// The per-operation conventions of the contract, read from the endpoint's own metadata:
/// <list type="bullet">
/// <item>operationId from <c>.WithName(...)</c>, else from the method and route (<c>POST /api/cases/{id}/close</c> → <c>postCasesByIdClose</c>);</item>
/// <item>a summary (<c>.WithSummary(...)</c>, else the method and route) and a tag (<c>.WithTags(...)</c>, else the route's first segment);</item>
/// <item>security from the authorization metadata: anonymous endpoints none, partner endpoints the partner key, the rest
/// the bearer token, with the roles or scopes named in the description;</item>
/// <item>the problem responses: 400 with field errors where the request carries input, 401 and 403 where it is
/// authorized, 404 where the path names a resource, 409 for writes, 429 where it is rate limited, and the
/// <c>If-Match</c> header where the endpoint honours it; <c>Location</c> on every 201.</item>
/// </list>
/// </summary>
internal sealed class ContractOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document ?? throw new InvalidOperationException("The OpenAPI document is not available to the transformer.");
        var method = (description.HttpMethod ?? "GET").ToUpperInvariant();
        var path = "/" + (description.RelativePath ?? string.Empty).TrimStart('/');
        ApiContract.EnsureComponents(document);

        operation.OperationId ??= OperationId(method, path);
        operation.Summary ??= $"{method} {path}";
        if (operation.Tags is not { Count: > 0 })
        {
            operation.Tags = new HashSet<OpenApiTagReference> { new(DefaultTag(path), document) };
        }

        var access = Access.Of(metadata);
        operation.Responses ??= new OpenApiResponses();
        var responses = operation.Responses;
        AddLocationToCreated(responses);
        AddFileContent(responses, metadata);

        var hasInput = operation.RequestBody is not null
            || (operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header) ?? false);
        if (hasInput)
        {
            AddProblem(responses, "400", "Invalid input: the problem's `errors` names each field and what is wrong with it.", document, ApiContract.ValidationProblemSchema);
        }

        if (access.Scheme is { } scheme)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] }];
            AddProblem(responses, "401", scheme == ApiContract.PartnerKeyScheme
                ? "No valid partner key (missing, unknown, rotated away or revoked)."
                : "Not signed in, or the token has expired.", document);
            if (access.Requirements.Count > 0)
            {
                AddProblem(responses, "403", "The caller may not do this: " + string.Join("; ", access.Requirements) + ".", document);
                operation.Description = Append(operation.Description, "Requires " + string.Join("; ", access.Requirements) + ".");
            }
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement()]; // explicitly open: no credentials
        }

        if (path.Contains('{', StringComparison.Ordinal))
        {
            AddProblem(responses, "404", "Not found, or not visible to the caller.", document);
        }

        var isWrite = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var ifMatch = metadata.OfType<AcceptsIfMatchAttribute>().Any() && isWrite && path.Contains('{', StringComparison.Ordinal);
        if (isWrite && access.Scheme is not null)
        {
            AddProblem(responses, "409", ifMatch
                ? "Refused by a rule of the case (the problem `type` names it, e.g. …/problems/feedback-required), or the If-Match version is stale (…/problems/concurrency-conflict)."
                : "Refused by a rule (the problem `type` names it) or in conflict with existing data.", document);
        }

        if (ifMatch)
        {
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => p.Name == "If-Match"))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "The case `version` the client last read, e.g. `\"7\"`; a write over a newer version is refused with 409 concurrency-conflict. Absent or `*`: no precondition.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(responses, "429", "Rate limited: too many requests from this client; see Retry-After.", document);
            if (responses["429"] is OpenApiResponse limited)
            {
                limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
                limited.Headers.TryAdd("Retry-After", new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary><c>POST /api/cases/{id}/close</c> → <c>postCasesByIdClose</c>: unique for a unique method and route.</summary>
    public static string OperationId(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s == "api"))
        {
            var name = segment.StartsWith('{') ? "By" + Pascal(segment.Trim('{', '}').Split(':')[0]) : Pascal(segment);
            id.Append(name);
        }

        return id.ToString();
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    private static string DefaultTag(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s == "api").FirstOrDefault() is { } first && !first.StartsWith('{')
            ? Pascal(first)
            : "Other";

    private static void AddLocationToCreated(OpenApiResponses responses)
    {
        if (responses.TryGetValue("201", out var created) && created is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers.TryAdd("Location", new OpenApiHeader
            {
                Description = "The URL of the created resource.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            });
        }
    }

    /// <summary>A 2xx declared with a non-JSON content type only (a PDF, a spreadsheet): its body is a file.</summary>
    private static void AddFileContent(OpenApiResponses responses, IList<object> metadata)
    {
        foreach (var produces in metadata.OfType<IProducesResponseTypeMetadata>().Where(p => p.StatusCode is >= 200 and < 300 && (p.Type is null || p.Type == typeof(void))))
        {
            if (responses.TryGetValue(produces.StatusCode.ToString(CultureInfo.InvariantCulture), out var found) && found is OpenApiResponse response
                && response.Content is not { Count: > 0 })
            {
                response.Content = produces.ContentTypes.Where(t => !t.Contains("json", StringComparison.OrdinalIgnoreCase))
                    .ToDictionary(t => t, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
            }
        }
    }

    private static void AddProblem(OpenApiResponses responses, string status, string description, OpenApiDocument document, string schema = ApiContract.ProblemSchema)
    {
        if (responses.ContainsKey(status))
        {
            return;
        }

        responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    private static string Append(string? text, string more) => string.IsNullOrEmpty(text) ? more : text + "\n\n" + more;

    /// <summary>What the endpoint's authorization metadata asks of the caller.</summary>
    private sealed record Access(string? Scheme, IReadOnlyList<string> Requirements)
    {
        public static Access Of(IList<object> metadata)
        {
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return new Access(null, []);
            }

            var authorize = metadata.OfType<IAuthorizeData>().ToList();
            var policies = metadata.OfType<AuthorizationPolicy>().ToList();
            if (authorize.Count == 0 && policies.Count == 0)
            {
                return new Access(null, []);
            }

            var schemes = authorize.SelectMany(a => (a.AuthenticationSchemes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Concat(policies.SelectMany(p => p.AuthenticationSchemes))
                .ToList();
            var scheme = schemes.Contains(Partners.PartnerKeyAuthentication.SchemeName) ? ApiContract.PartnerKeyScheme : ApiContract.BearerScheme;

            var requirements = new List<string>();
            var roleSets = authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => a.Roles!.Split(',', StringSplitOptions.TrimEntries))
                .Concat(policies.SelectMany(p => p.Requirements.OfType<RolesAuthorizationRequirement>()).Select(r => r.AllowedRoles.ToArray()));
            requirements.AddRange(roleSets.Select(roles => "role " + string.Join(" or ", roles)));
            requirements.AddRange(policies.SelectMany(p => p.Requirements.OfType<ClaimsAuthorizationRequirement>())
                .Select(c => $"{c.ClaimType} {string.Join(" or ", c.AllowedValues ?? [])}".Trim()));
            return new Access(scheme, requirements.Distinct().ToList());
        }
    }
}
