namespace GrievanceDesk.Application.Common;

/// <summary>The thing asked for does not exist (or is not visible to the caller): 404.</summary>
public sealed class NotFoundException(string what, object key)
    : Exception($"{what} {key} 不存在 (not found).")
{
    public string What { get; } = what;
}

/// <summary>The caller may not do this: 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A write refused because of a rule outside one aggregate (e.g. a duplicate code): 409 with the slug as problem type.</summary>
public sealed class ConflictException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>Sign-in refused (bad credentials or locked out): 401 with the slug as problem type.</summary>
public sealed class SignInRefusedException(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}

/// <summary>
/// A unique key lost a race with a concurrent writer (another instance, a retried request): the transaction rolled back
/// whole, so the answer is "retry": 409 write-conflict. Raised by Infrastructure from the provider's own error.
/// </summary>
public sealed class UniqueKeyConflictException(Exception inner)
    : Exception("另一请求同时写入了相同的数据，本次未保存任何内容，请重试 (a concurrent request wrote the same key first; nothing was saved; retry).", inner);

/// <summary>
/// The database cannot take writes now (read-only, disk full, cannot open the file, locked too long, unreachable):
/// 503 with the cause named, so a load balancer and an operator can tell it from a bug. Raised by Infrastructure.
/// </summary>
public sealed class DatabaseUnavailableException(string cause, Exception inner)
    : Exception($"数据库暂时无法写入：{cause}", inner)
{
    public string Cause { get; } = cause;
}

/// <summary>Too many failed attempts on one key (a tracking number): 429 with the slug as problem type and a Retry-After.</summary>
public sealed class TooManyAttemptsException(string rule, string message, TimeSpan retryAfter) : Exception(message)
{
    public string Rule { get; } = rule;
    public TimeSpan RetryAfter { get; } = retryAfter;
}
