using System.Linq.Expressions;

namespace GrievanceDesk.Domain.Cases;

/// <summary>The states a case can be in, as named sets usable inside database queries.</summary>
public static class CaseStates
{
    /// <summary>Open: neither closed nor merged (the same rule as <see cref="Case.IsOpen"/>).</summary>
    public static readonly IReadOnlyList<CaseStatus> OpenStatuses =
        Enum.GetValues<CaseStatus>().Where(s => s is not (CaseStatus.Closed or CaseStatus.Merged)).ToArray();

    /// <summary>
    /// Open, as a query expression: the statuses listed (an IN list), so an index that starts with the status, or a
    /// unit and then the status, answers it with one seek per open status instead of reading the closed cases too.
    /// </summary>
    public static readonly Expression<Func<Case, bool>> Open = c => OpenStatuses.Contains(c.Status);
}
