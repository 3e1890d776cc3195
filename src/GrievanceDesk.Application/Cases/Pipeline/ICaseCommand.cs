using GrievanceDesk.Domain.Cases;
using Mediator;

namespace GrievanceDesk.Application.Cases;

/// <summary>
/// A command on one existing case. The command type declares the <see cref="CaseAction"/> it performs; the
/// <see cref="CaseCommandBehaviour{TMessage, TResponse}"/> checks the caller's right for that action, and the context it
/// builds permits only that action (and the declared <see cref="FollowUps"/>), so the handler cannot call an aggregate
/// method of another action (<see cref="CaseContext.Authorized"/>). The answer is the case as the caller now sees it.
/// </summary>
public interface ICaseCommand : ICommand<CaseDetailDto>
{
    long CaseId { get; }

    /// <summary>The case version the caller saw (If-Match); a mismatch is a 409 <c>concurrency-conflict</c>.</summary>
    int? ExpectedVersion { get; }

    /// <summary>The action the command performs: the caller's right is checked for it.</summary>
    static abstract CaseAction Action { get; }

    /// <summary>
    /// Actions that are part of this one (the assignment that follows a dispatch), taken by the same command without a
    /// right of their own; none by default.
    /// </summary>
    static virtual IReadOnlyList<CaseAction> FollowUps => [];
}
