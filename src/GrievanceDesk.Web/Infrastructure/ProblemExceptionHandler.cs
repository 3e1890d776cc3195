using System.Text.Json;
using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// Turns every failure into RFC 9457 problem details: invalid input 400 with field errors, refused sign-in 401,
/// forbidden 403, missing 404, a broken domain rule or a concurrent write 409 whose `type` names the rule.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // A provider error raised outside SaveChanges (raw SQL, a commit): Infrastructure says what it means.
        exception = GrievanceDesk.Infrastructure.Persistence.DatabaseErrors.Translate(exception) ?? exception;
        if (exception is DatabaseUnavailableException unavailable)
        {
            log.LogError(exception, "Database unavailable on {Method} {Path}: {Cause}", http.Request.Method, http.Request.Path, unavailable.Cause);
            if (WebSecurity.WantsPage(http))
            {
                http.Response.Headers.RetryAfter = "30";
                await WebSecurity.WritePage(http, StatusCodes.Status503ServiceUnavailable, "系统暂时无法保存", $"{unavailable.Message}。已填写的内容未保存，请稍后重试或联系系统管理员。");
                return true;
            }
        }

        var problem = exception switch
        {
            ValidationException v => ValidationProblem(v),
            DomainRuleException r => Problem(StatusCodes.Status409Conflict, ProblemTypes.For(r.Rule), "业务规则不允许此操作", r.Message),
            ConflictException c => Problem(StatusCodes.Status409Conflict, ProblemTypes.For(c.Rule), "与现有数据冲突", c.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "数据已被他人修改",
                "该记录已被其他人修改，请刷新后重试 (the record was changed by someone else; reload and try again)."),
            UniqueKeyConflictException u => Problem(StatusCodes.Status409Conflict, ProblemTypes.For("write-conflict"), "与同时提交的数据冲突", u.Message),
            DatabaseUnavailableException d => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.For("database-unavailable"), "数据库暂时不可写",
                $"{d.Message}；本次未保存任何内容，请稍后重试 (the database cannot take writes now: nothing was saved; retry later)."),
            TooManyAttemptsException t => Problem(StatusCodes.Status429TooManyRequests, ProblemTypes.For(t.Rule), "尝试次数过多", t.Message),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "未找到", n.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "无权操作", f.Message),
            SignInRefusedException s => Problem(StatusCodes.Status401Unauthorized, ProblemTypes.For(s.Rule), "登录失败", s.Message),
            BadHttpRequestException b => BadRequest(b),
            JsonException j => JsonProblem(j),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyAttemptsException tooMany)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (exception is DatabaseUnavailableException)
        {
            http.Response.Headers.RetryAfter = "30";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static ValidationProblemDetails ValidationProblem(ValidationException v)
    {
        var errors = v.Errors
            .GroupBy(e => JsonNamingPolicy.CamelCase.ConvertName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "输入有误",
            Detail = "请求中有字段未通过校验，详见 errors (one or more fields are invalid).",
        };
    }

    /// <summary>Malformed JSON, a wrong content type or an unparsable route/query value: always a 400, never a 500.</summary>
    private static ProblemDetails BadRequest(BadHttpRequestException b)
    {
        var status = b.StatusCode is >= 400 and < 500 ? b.StatusCode : StatusCodes.Status400BadRequest;
        return b.InnerException is JsonException json ? JsonProblem(json) : Problem(status, ProblemTypes.BadRequest, "请求格式错误", b.Message);
    }

    /// <summary>A body that does not read under <see cref="StrictJson"/>: the refused or missing fields are named in errors.</summary>
    private static ProblemDetails JsonProblem(JsonException json)
    {
        var detail = $"JSON 无法解析 (malformed JSON): {json.Message}";
        var missing = StrictJson.MissingMembers(json);
        var fields = missing.Count > 0 ? missing : StrictJson.FieldOf(json) is { } field ? [field] : [];
        if (fields.Count == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "请求格式错误", detail);
        }

        var message = missing.Count > 0 ? "必填字段缺失 (required)." : json.Message;
        return new ValidationProblemDetails(fields.Distinct().ToDictionary(f => f, _ => new[] { message }))
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.Validation,
            Title = "输入有误",
            Detail = detail,
        };
    }
}
