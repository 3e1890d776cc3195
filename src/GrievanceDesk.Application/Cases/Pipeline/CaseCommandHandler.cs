using GrievanceDesk.Domain.Cases;
using Mediator;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// The handler of a case command: given the case the <see cref="CaseCommandBehaviour{TMessage, TResponse}"/> loaded and
/// the context it built, it makes the one aggregate call the command stands for (after whatever lookup the call's
/// arguments need). Loading, rights, version, saving and the answer are the behaviour's.
/// </summary>
public abstract class CaseCommandHandler<TCommand>(CurrentCase current) : ICommandHandler<TCommand, CaseDetailDto>
    where TCommand : ICaseCommand
{
    public async ValueTask<CaseDetailDto> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var (@case, ctx) = current.Of(typeof(TCommand));
        await Apply(@case, command, ctx, cancellationToken);
        // The behaviour saves, then answers the case as the caller sees it; what a handler returns is not read.
        return null!;
    }

    protected abstract ValueTask Apply(Case @case, TCommand command, CaseContext ctx, CancellationToken ct);
}

/// <summary>
/// The case a case command is working on, filled by <see cref="CaseCommandBehaviour{TMessage, TResponse}"/> for the
/// command's handler (one per request scope).
/// </summary>
public sealed class CurrentCase
{
    private (Type Command, Case Case, CaseContext Context)? _current;

    internal void Enter(Type command, Case @case, CaseContext ctx)
    {
        if (_current is not null)
        {
            throw new InvalidOperationException($"A case command ({_current.Value.Command.Name}) is already running in this scope.");
        }

        _current = (command, @case, ctx);
    }

    internal void Leave() => _current = null;

    internal (Case Case, CaseContext Context) Of(Type command) =>
        _current is { } loaded && loaded.Command == command
            ? (loaded.Case, loaded.Context)
            : throw new InvalidOperationException($"{command.Name} was handled outside the case-command pipeline (no case was loaded for it).");
}
