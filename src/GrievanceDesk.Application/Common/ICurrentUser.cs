namespace GrievanceDesk.Application.Common;

/// <summary>The signed-in caller, as the request sees it.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }
    string UserName { get; }
    string DisplayName { get; }
    int? UnitId { get; }
    IReadOnlyCollection<string> Roles { get; }
    bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The client's address (after forwarded headers), for limits that count per client.</summary>
    string ClientAddress => "unknown";
}
