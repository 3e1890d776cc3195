namespace GrievanceDesk.Infrastructure.Identity;

/// <summary>Bearer-token settings (section "Auth"). The signing key is shared by every app instance.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Development-only key; a production start refuses it.</summary>
    public const string DevelopmentSigningKey = "grievancedesk-development-signing-key-not-for-production-use-0001";

    public string Issuer { get; set; } = "GrievanceDesk";
    public string Audience { get; set; } = "GrievanceDesk";
    public string SigningKey { get; set; } = DevelopmentSigningKey;
    public int TokenLifetimeMinutes { get; set; } = 480;
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}
