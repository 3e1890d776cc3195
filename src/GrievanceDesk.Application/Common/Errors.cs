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
