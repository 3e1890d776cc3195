using System.Reflection;
using Mediator;

namespace GrievanceDesk.Application.Common.Behaviours;

/// <summary>
/// Refuses (403) a request marked <see cref="RequiresRoleAttribute"/> to a caller with none of its roles, before it is
/// validated or handled: a page or an endpoint that forgets a role check cannot reach an admin-only request.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    private static readonly IReadOnlyList<string>? Required = typeof(TMessage).GetCustomAttribute<RequiresRoleAttribute>()?.Roles;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Required is { } roles && !(user.IsAuthenticated && roles.Any(user.IsInRole)))
        {
            var names = string.Join("、", roles.Select(Roles.DisplayName));
            throw new ForbiddenException($"仅{names}可执行此操作 (only {string.Join(", ", roles)} may send {typeof(TMessage).Name}).");
        }

        return await next(message, cancellationToken);
    }
}
