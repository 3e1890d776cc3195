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
        var problem = exception switch
        {
            ValidationException v => ValidationProblem(v),
            DomainRuleException r => Problem(StatusCodes.Status409Conflict, ProblemTypes.For(r.Rule), "业务规则不允许此操作", r.Message),
            ConflictException c => Problem(StatusCodes.Status409Conflict, ProblemTypes.For(c.Rule), "与现有数据冲突", c.Message),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, ProblemTypes.ConcurrencyConflict, "数据已被他人修改",
                "该记录已被其他人修改，请刷新后重试 (the record was changed by someone else; reload and try again)."),
            DbUpdateException u when IsUniqueViolation(u) => Problem(StatusCodes.Status409Conflict, ProblemTypes.For("write-conflict"), "与同时提交的数据冲突",
                "另一请求同时写入了相同的数据，本次未保存任何内容，请重试 (a concurrent request wrote the same key first; nothing was saved; retry)."),
            NotFoundException n => Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "未找到", n.Message),
            ForbiddenException f => Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "无权操作", f.Message),
            SignInRefusedException s => Problem(StatusCodes.Status401Unauthorized, ProblemTypes.For(s.Rule), "登录失败", s.Message),
            BadHttpRequestException b => BadRequest(b),
            JsonException j => Problem(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "请求格式错误", $"JSON 无法解析 (malformed JSON): {j.Message}"),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
            return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A unique key lost a race with another instance or request (the day's first tracking number, an idempotency key):
    /// the transaction rolled back whole, so the answer is "retry", not a server fault.
    /// </summary>
    private static bool IsUniqueViolation(DbUpdateException e) => GrievanceDesk.Infrastructure.Persistence.DbErrors.IsUniqueViolation(e);

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
        var detail = b.InnerException is JsonException json ? $"JSON 无法解析 (malformed JSON): {json.Message}" : b.Message;
        return Problem(status, ProblemTypes.BadRequest, "请求格式错误", detail);
    }
}
