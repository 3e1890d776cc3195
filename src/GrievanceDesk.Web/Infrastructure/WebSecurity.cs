using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// Response headers that belong on every answer (CSP, nosniff, referrer policy, no framing, no caching of personal
/// data), the antiforgery check of cookie-authenticated API writes, and the Chinese error page a browser gets instead
/// of a JSON problem.
/// </summary>
internal static class WebSecurity
{
    /// <summary>
    /// Scripts and styles only from the app's own files (no inline script, no inline style), nothing framed, forms post
    /// only to the app. The API reference (/scalar) and the Hangfire dashboard bring their own inline scripts; they get
    /// the framing rule only.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseGrievanceDeskSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var path = http.Request.Path;
            headers.ContentSecurityPolicy = path.StartsWithSegments("/scalar") || path.StartsWithSegments(HangfireDashboardAuth.Path)
                ? "frame-ancestors 'none'"
                : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // Case JSON and signed-in pages carry personal data: no browser or proxy keeps a copy.
            if (string.IsNullOrEmpty(headers.CacheControl) && (path.StartsWithSegments("/api") || http.User.Identity?.IsAuthenticated == true))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(http);
    });

    /// <summary>
    /// The API takes the page cookie for reads, but a write authenticated by the cookie must carry the antiforgery token
    /// (header RequestVerificationToken): a page on another site, or another port of this host, cannot make a signed-in
    /// browser change a case. Bearer-token calls are not affected (a browser never sends those by itself).
    /// </summary>
    public static IApplicationBuilder UseCookieApiAntiforgery(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        if (http.Request.Path.StartsWithSegments("/api")
            && !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && http.User.Identity is { IsAuthenticated: true, AuthenticationType: CookieAuthenticationDefaults.AuthenticationScheme }
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Type = ProblemTypes.For("antiforgery-required"),
                    Title = "缺少防伪令牌",
                    Detail = "以登录 Cookie 调用 API 写操作时必须附带防伪令牌；或改用 Bearer 令牌 (a cookie-authenticated API write needs the antiforgery token; or use a bearer token).",
                },
            });
            return;
        }

        await next(http);
    });

    /// <summary>A browser asking for a page (not the API) gets a Chinese page rather than a JSON problem.</summary>
    public static bool WantsPage(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api") && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>A plain Chinese error page in the app's style, with a way back; no script.</summary>
    public static Task WritePage(HttpContext http, int status, string title, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{WebUtility.HtmlEncode(title)} · 清河区信访与接诉即办案件办理系统</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="page"><section class="card"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p>
            <p><a class="btn" href="/">返回首页</a> <a class="btn" href="/login">登录</a></p></section></main></body></html>
            """;
        return http.Response.WriteAsync(html);
    }

    /// <summary>The status-code page: Chinese for a browser's 401/403/404 on a page (the Hangfire dashboard too), a problem for the rest.</summary>
    public static async Task StatusCodePage(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (WantsPage(http) && status is 401 or 403 or 404)
        {
            var (title, message) = status switch
            {
                401 => ("需要登录", "请先登录后再访问此页面。"),
                403 => ("无权访问", "您的账号没有访问此页面的权限；如需开通请联系系统管理员。"),
                _ => ("页面不存在", "您访问的页面不存在或已被移除。"),
            };
            await WritePage(http, status, title, message);
            return;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status } });
    }
}
