namespace GrievanceDesk.Domain.Common;

/// <summary>Who does something: a signed-in user, or <see cref="System"/> for the background jobs.</summary>
/// <param name="UnitId">The user's unit (Cadre, UnitLeader); null for office staff and leaders.</param>
public sealed record Actor(string UserName, string DisplayName, int? UnitId)
{
    /// <summary>The background jobs (escalation sweep, etc.).</summary>
    public static Actor System { get; } = new("system", "系统", null);
}
