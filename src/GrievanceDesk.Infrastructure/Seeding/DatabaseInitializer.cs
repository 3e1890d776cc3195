using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GrievanceDesk.Infrastructure.Seeding;

/// <summary>
/// Brings the database to the current schema and fills what an office cannot start without: roles, reference data,
/// SLA policies, the holiday calendar and the first administrator; in demo mode also demo users and demo cases.
/// Every step only adds what is missing, so it is safe at every start and on every instance.
/// </summary>
public sealed class DatabaseInitializer(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<DemoOptions> demo,
    IOptions<AdminOptions> admin,
    IEnumerable<IDemoCaseSeeder> caseSeeders,
    ILogger<DatabaseInitializer> log,
    TimeProvider clock)
{
    /// <summary>The marker of the holiday seed (the State Council's 2025 and 2026 arrangements).</summary>
    public const string HolidaySeedKey = "holidays-2025-2026";

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await SeedRolesAsync();
        await SeedReferenceDataAsync(ct);
        await SeedSlaPoliciesAsync(ct);
        await SeedHolidaysAsync(ct);
        await SeedAdminAsync();
        if (demo.Value.Seed)
        {
            await SeedDemoUsersAsync(ct);
            foreach (var seeder in caseSeeders)
            {
                await seeder.SeedAsync(demo.Value.Cases, ct);
            }
        }

        if (await Search.SearchTermsBackfill.RunAsync(db, clock.GetUtcNow().UtcDateTime, ct) is > 0 and var filled)
        {
            log.LogInformation("Search terms written for {Count} cases logged before the search column existed.", filled);
        }

        await PlannerStatistics.RefreshAsync(db, ct);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private async Task SeedReferenceDataAsync(CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct))
        {
            return;
        }

        var units = new Dictionary<string, Unit>();
        foreach (var seed in ReferenceDataSeed.Units)
        {
            var unit = new Unit(seed.Code, seed.Name, seed.Parent is null ? null : units[seed.Parent].Id, seed.AutoAssign);
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct); // ids are needed by the children that follow
            units[seed.Code] = unit;
        }

        var categories = await SeedTreeAsync(ReferenceDataSeed.Categories, (code, name, parent) => new Category(code, name, parent), c => c.Id, ct);
        var regions = await SeedTreeAsync(ReferenceDataSeed.Regions, (code, name, parent) => new Region(code, name, parent), r => r.Id, ct);
        foreach (var rule in ReferenceDataSeed.RoutingRules)
        {
            db.RoutingRules.Add(new RoutingRule(
                rule.Category is null ? null : categories[rule.Category],
                rule.Region is null ? null : regions[rule.Region],
                units[rule.Unit].Id,
                rule.Note));
        }

        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded {Units} units, {Categories} categories, {Regions} regions and {Rules} routing rules",
            units.Count, categories.Count, regions.Count, ReferenceDataSeed.RoutingRules.Count);
    }

    private async Task<Dictionary<string, int>> SeedTreeAsync<T>(
        IReadOnlyList<ReferenceDataSeed.NodeSeed> seeds, Func<string, string, int?, T> create, Func<T, int> idOf, CancellationToken ct)
        where T : class
    {
        var ids = new Dictionary<string, int>();
        foreach (var seed in seeds)
        {
            var node = create(seed.Code, seed.Name, seed.Parent is null ? null : ids[seed.Parent]);
            db.Add(node);
            await db.SaveChangesAsync(ct);
            ids[seed.Code] = idOf(node);
        }

        return ids;
    }

    private async Task SeedSlaPoliciesAsync(CancellationToken ct)
    {
        if (await db.SlaPolicies.AnyAsync(ct))
        {
            return;
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        foreach (var seed in SlaDefaults.Policies)
        {
            var categoryId = seed.CategoryCode is null ? (int?)null : categories[seed.CategoryCode];
            db.SlaPolicies.Add(new SlaPolicy(seed.Name, seed.Track, categoryId, seed.Urgency, seed.Terms));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Seeds the official calendar once: admins own it afterwards, so a day they deleted stays deleted. A database seeded
    /// before the marker existed (any official day present) is only marked.
    /// </summary>
    private async Task SeedHolidaysAsync(CancellationToken ct)
    {
        if (await db.Set<AppliedSeed>().AnyAsync(s => s.Key == HolidaySeedKey, ct))
        {
            return;
        }

        var official = OfficialCalendar.Days2025And2026.Select(d => d.Date).ToList();
        if (!await db.Holidays.AnyAsync(d => official.Contains(d.Date), ct))
        {
            db.Holidays.AddRange(OfficialCalendar.Days2025And2026);
        }

        db.Set<AppliedSeed>().Add(new AppliedSeed(HolidaySeedKey, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedAdminAsync()
    {
        var settings = admin.Value;
        var password = settings.Password ?? (demo.Value.Seed ? demo.Value.Password : null);
        if (password is null || await users.FindByNameAsync(settings.UserName) is not null)
        {
            return;
        }

        await CreateUserAsync(settings.UserName, "系统管理员", password, [Roles.Admin], null);
    }

    private async Task SeedDemoUsersAsync(CancellationToken ct)
    {
        var unitIds = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        foreach (var user in DemoUsers.All)
        {
            if (await users.FindByNameAsync(user.UserName) is null)
            {
                await CreateUserAsync(user.UserName, user.DisplayName, demo.Value.Password, user.Roles, user.UnitCode is null ? null : unitIds[user.UnitCode]);
            }
        }
    }

    private async Task CreateUserAsync(string userName, string displayName, string password, IReadOnlyList<string> userRoles, int? unitId)
    {
        var user = new AppUser { UserName = userName, DisplayName = displayName, UnitId = unitId, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create user {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRolesAsync(user, userRoles);
    }

    /// <summary>Runs the initializer in its own scope, before the app takes requests.</summary>
    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
    }
}

/// <summary>The seam where demo cases are created once the case life exists.</summary>
public interface IDemoCaseSeeder
{
    Task SeedAsync(int count, CancellationToken ct);
}
