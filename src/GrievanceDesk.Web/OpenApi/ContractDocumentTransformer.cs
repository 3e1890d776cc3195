using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace GrievanceDesk.Web.OpenApi;

/// <summary>
/// The document-wide part of the contract: title, licence and description, the servers without a trailing slash,
/// every tag in use with its description, the shared components, and operationIds made unique.
/// </summary>
internal sealed class ContractDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "GrievanceDesk API";
        document.Info.Description =
            "The HTTP API of GrievanceDesk (信访/12345 接诉即办): JSON, camelCase, enums as lowercase strings, times ISO-8601 with offset. " +
            "Errors are RFC 9457 problem details (application/problem+json) whose `type` names the rule. " +
            "Staff authenticate with a bearer token (POST /api/auth/token); partner systems with their key in `X-Api-Key`. " +
            "See docs/integration.md for partners and webhooks.";
        document.Info.License = new OpenApiLicense { Name = "AGPL-3.0-or-later", Identifier = "AGPL-3.0-or-later" };

        // The servers the generator derived from the request: without a trailing slash, so that a client appending
        // "/api/…" does not get "//api/…".
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        ApiContract.EnsureComponents(document);

        var used = new SortedSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var tag in operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            {
                if (tag.Name is { } name)
                {
                    used.Add(name);
                }
            }

            // Two endpoints named alike would give two clients' methods one name: the later one gets a suffix.
            var id = operation.OperationId ?? "operation";
            var unique = id;
            for (var n = 2; !ids.Add(unique); n++)
            {
                unique = id + n;
            }

            operation.OperationId = unique;
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var name in used)
        {
            if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
            {
                tag.Description ??= ApiContract.DescribeTag(name);
            }
            else
            {
                document.Tags.Add(new OpenApiTag { Name = name, Description = ApiContract.DescribeTag(name) });
            }
        }

        return Task.CompletedTask;
    }
}
