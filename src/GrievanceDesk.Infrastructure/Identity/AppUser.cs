using Microsoft.AspNetCore.Identity;

namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>A staff account. Cadres and unit leaders belong to one unit.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;
    public int? UnitId { get; set; }
    public bool IsActive { get; set; } = true;
}
