using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Infrastructure.Security;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// A production start must not run with demo credentials, without an administrator, or without its own encryption key (docs/product.md §7).
/// Returns the reasons to refuse, in plain words; empty when the configuration is fit to start.
/// </summary>
public static class StartupGuard
{
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            return [];
        }

        var problems = new List<string>();
        var demo = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        var admin = configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (demo.Seed)
        {
            problems.Add("Demo:Seed is on: demo users and the demo password exist only in Development. Turn demo seeding off in production.");
        }

        if (string.IsNullOrWhiteSpace(admin.Password))
        {
            problems.Add("No administrator is configured: set Admin__UserName and Admin__Password (at least 12 characters).");
        }
        else if (admin.Password == DemoOptions.DefaultPassword || admin.Password == demo.Password)
        {
            problems.Add("Admin__Password is the demo password; choose a real one.");
        }
        else if (admin.Password.Length < 12)
        {
            problems.Add("Admin__Password is shorter than 12 characters.");
        }

        if (string.IsNullOrWhiteSpace(auth.SigningKey) || auth.SigningKey == AuthOptions.DevelopmentSigningKey || auth.SigningKey.Length < 32)
        {
            problems.Add("Auth__SigningKey is missing or the development key: set a random key of at least 32 characters, the same on every instance.");
        }

        if (EncryptionOptions.ProductionProblem(configuration[$"{EncryptionOptions.Section}:Key"]) is { } encryption)
        {
            problems.Add(encryption);
        }

        return problems;
    }
}
