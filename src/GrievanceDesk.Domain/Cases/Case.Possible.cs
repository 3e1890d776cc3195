namespace GrievanceDesk.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// Whether <paramref name="action"/> could be taken now: the status allows it (<see cref="CaseTransitions"/>) and the
    /// case's own records do not rule it out (an open pause, a pending request, this round's return visit…). The same
    /// rules the commands check, asked ahead, so that no page offers what the aggregate would refuse.
    /// </summary>
    public bool IsPossible(CaseAction action) => CaseTransitions.IsAllowed(Status, action) && action switch
    {
        CaseAction.Resume => IsPaused,
        CaseAction.RequestPause => !_pauses.Any(p => p.IsOpen),
        CaseAction.DecidePause => _pauses.Any(p => p.Status == PauseStatus.Requested),
        CaseAction.RequestExtension => _extensions.All(e => e.Round != HandleRound),
        CaseAction.DecideExtension => _extensions.Any(e => e.Round == HandleRound && e.Status == ExtensionStatus.Pending),
        CaseAction.Resolve or CaseAction.Dispatch => !IsPaused,
        CaseAction.AnswerOnTheSpot => Kind == CaseKind.Consultation,
        CaseAction.RecordReturnVisit => !IsAnonymous && _returnVisits.All(v => v.Round != HandleRound),
        CaseAction.RecordEscalation => false,
        _ => true,
    };
}
