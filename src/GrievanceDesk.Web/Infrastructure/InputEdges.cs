using System.Net.Http.Headers;
using GrievanceDesk.Application.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// Inputs at the edges of what the app can represent, refused before they reach a converter that would throw:
/// a JSON body in a charset other than UTF-8, and a date or time on a page form outside the supported calendar.
/// </summary>
internal static class InputEdges
{
    /// <summary>
    /// The API reads JSON as UTF-8 (RFC 8259 §8.1); a body that declares another charset — or an empty or unknown one —
    /// is a 415 with a problem that says so, not a decoder exception.
    /// </summary>
    public static IApplicationBuilder UseJsonCharsetCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var contentType = http.Request.ContentType;
        if (http.Request.Path.StartsWithSegments("/api") && !string.IsNullOrEmpty(contentType) && DeclaresOtherCharset(contentType) is { } charset)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Type = ProblemTypes.For("unsupported-charset"),
                    Title = "不支持的字符集",
                    Detail = $"请求体须为 UTF-8 编码的 JSON，不支持 charset“{charset}” (the body must be UTF-8 JSON; charset '{charset}' is not supported).",
                },
            });
            return;
        }

        await next(http);
    });

    /// <summary>The declared charset when it is not UTF-8 (empty and unparsable count as not UTF-8); null when fine.</summary>
    private static string? DeclaresOtherCharset(string contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return contentType.Contains("charset", StringComparison.OrdinalIgnoreCase) ? contentType : null;
        }

        var charset = parsed.Parameters.FirstOrDefault(p => string.Equals(p.Name, "charset", StringComparison.OrdinalIgnoreCase));
        if (charset is null)
        {
            return null;
        }

        var value = charset.Value?.Trim('"').Trim() ?? string.Empty;
        return value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase) ? null : value;
    }
}

/// <summary>
/// Page forms: a date or datetime-local outside <see cref="TextRules.EarliestDate"/>–<see cref="TextRules.LatestDate"/>
/// (0001-01-01T00:00, 9999-12-31) becomes a field error next to its input instead of an overflow further on.
/// </summary>
internal sealed class CalendarRangeBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type != typeof(DateTime) && type != typeof(DateOnly))
        {
            return null;
        }

        var inner = providers.Where(p => p != this).Select(p => p.GetBinder(context)).FirstOrDefault(b => b is not null);
        return inner is null ? null : new Binder(inner);
    }

    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            var supported = context.Result.Model switch
            {
                DateTime local => TextRules.IsSupported(local),
                DateOnly date => TextRules.IsSupported(date),
                _ => true,
            };
            if (context.Result.IsModelSet && !supported)
            {
                context.ModelState.TryAddModelError(context.ModelName,
                    $"日期须在 {TextRules.EarliestDate:yyyy-MM-dd} 至 {TextRules.LatestDate:yyyy-MM-dd} 之间。");
                context.Result = ModelBindingResult.Failed();
            }
        }
    }
}
