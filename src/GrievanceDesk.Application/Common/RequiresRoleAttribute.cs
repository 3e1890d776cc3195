namespace GrievanceDesk.Application.Common;

/// <summary>
/// The roles that may send a request (any one of them); checked by <see cref="Behaviours.AuthorizationBehaviour{TMessage, TResponse}"/>
/// for every sender alike, the API and the pages. A request without it is open to every caller its endpoint or page
/// lets in, and decides itself what each one sees (a case: <see cref="Cases.CasePermissions"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresRoleAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
