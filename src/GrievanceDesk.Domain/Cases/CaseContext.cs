using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;

namespace GrievanceDesk.Domain.Cases;

/// <summary>
/// What every command on a case needs besides its own arguments: the time (the domain never reads a clock),
/// who acts, the working-day calendar and the SLA terms of the case's policy.
/// </summary>
public sealed record CaseContext(DateTime NowUtc, Actor Actor, IBusinessCalendar Calendar, SlaTerms Terms)
{
    /// <summary>The current instant, as UTC (a value read back with Kind = Unspecified is taken as UTC).</summary>
    public DateTime NowUtc { get; init => field = ChinaTime.AsUtc(value); } = ChinaTime.AsUtc(NowUtc);

    /// <summary>
    /// The actions the command carrying this context was authorized for (its own action and the follow-ups it declares),
    /// or null for the office's own processes (intake, the escalation sweep, the demo seeder) that take whatever step
    /// they name. Each command method of <see cref="Case"/> refuses an action outside the set: a handler that calls a
    /// method of another action than the one its caller was checked for is a programming error, not a user's mistake.
    /// </summary>
    public IReadOnlySet<CaseAction>? Authorized { get; init; }

    /// <summary>This context, permitting only <paramref name="actions"/>.</summary>
    public CaseContext Permitting(params IEnumerable<CaseAction> actions) => this with { Authorized = actions.ToHashSet() };

    /// <summary>Throws <see cref="InvalidOperationException"/> when the context was not authorized for <paramref name="action"/>.</summary>
    public void EnsureAuthorized(CaseAction action)
    {
        if (Authorized is { } permitted && !permitted.Contains(action))
        {
            throw new InvalidOperationException(
                $"The command was authorized for {string.Join(", ", permitted.Order())}, not {action}: a handler may only take the action its command declares.");
        }
    }
}
