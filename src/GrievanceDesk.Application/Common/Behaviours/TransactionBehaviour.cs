using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Common.Behaviours;

/// <summary>
/// Wraps each command in one database transaction and saves once at the end, so a failure anywhere
/// in the handler leaves no partial write. Queries pass through untouched. On SQLite the command first waits its turn
/// at the <see cref="IWriteGate"/>, so concurrent commands queue instead of polling the database's write lock.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IAppDbContext db, IWriteGate gate) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand || db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            using var turn = await gate.EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var response = await next(message, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return response;
            }
            catch
            {
                // The transaction rolls back; forget the tracked changes too, so nothing of the failed command
                // is saved by a later command in the same scope.
                db.ChangeTracker.Clear();
                throw;
            }
        }, cancellationToken);
    }
}
