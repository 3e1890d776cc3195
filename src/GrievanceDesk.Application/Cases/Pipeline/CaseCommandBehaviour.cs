using GrievanceDesk.Application.Common;
using Mediator;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// The path of every case command (docs/architecture.md): load the case with the children its commands read, check the
/// caller's right for the command's declared action (404 for a case they may not see, 403 for an action their role may
/// not take), check the version (409 <c>concurrency-conflict</c>), build the context (now, actor, calendar, the case's
/// SLA terms, the authorized actions), run the handler (one aggregate call), queue the notifications and webhook
/// deliveries and save, and answer the case as the caller now sees it. Runs inside the transaction behaviour.
/// </summary>
public sealed class CaseCommandBehaviour<TMessage, TResponse>(CaseStore store, CurrentCase current, ICurrentUser user, CaseReader reader)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var @case = await store.LoadForWrite(message.CaseId, cancellationToken);
        CasePermissions.Ensure(user, TMessage.Action, @case.Id, @case.UnitId);
        CaseStore.EnsureVersion(@case, message.ExpectedVersion);
        var ctx = (await store.ContextFor(@case, cancellationToken)).Permitting([TMessage.Action, .. TMessage.FollowUps]);

        current.Enter(typeof(TMessage), @case, ctx);
        try
        {
            await next(message, cancellationToken);
        }
        finally
        {
            current.Leave();
        }

        await store.Save(@case, cancellationToken);
        return (TResponse)(object)await reader.Detail(@case.Id, answersOwnWrite: true, cancellationToken);
    }
}
