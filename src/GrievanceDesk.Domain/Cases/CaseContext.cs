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
}
