using GrievanceDesk.Application.Common;
using GrievanceDesk.Infrastructure.Briefings;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Infrastructure.Jobs;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Infrastructure.Security;
using GrievanceDesk.Infrastructure.ReferenceData;
using GrievanceDesk.Infrastructure.Search;
using GrievanceDesk.Infrastructure.Seeding;
using GrievanceDesk.Infrastructure.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GrievanceDesk.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.Configure<AdminOptions>(configuration.GetSection(AdminOptions.Section));
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton(TimeProvider.System);

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ResolveConnectionString(database, environment);
        services.AddGrievanceDeskPersonalData(configuration, environment);
        services.AddDbContext<AppDbContext>((sp, o) =>
        {
            DbContextOptionsFactory.Configure(o, database.Provider, connectionString);
            if (sp.GetService<PersonalDataProtector>() is { } protector)
            {
                o.UsePersonalDataProtection(protector); // ID numbers encrypted at rest (docs/product.md §7)
            }
        });
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<IWriteGate, SqliteWriteGate>();
        }
        else
        {
            services.AddSingleton<IWriteGate, OpenWriteGate>();
        }

        // Cookie and antiforgery keys in the database: shared by every instance, kept across restarts.
        services.AddDataProtection().SetApplicationName("GrievanceDesk").PersistKeysToDbContext<AppDbContext>();
        services.AddGrievanceDeskOutbox(configuration);
        Partners.PartnersSetup.AddGrievanceDeskPartnerInfrastructure(services);
        services.AddGrievanceDeskJobs(configuration);
        services.AddGrievanceDeskStatsAndBriefings(configuration);
        services.AddGrievanceDeskSearch(database.Provider);
        services.AddGrievanceDeskReferenceDataCache();

        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
                o.Password.RequiredLength = 8;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<GrievanceDesk.Application.Cases.ITrackingNumbers, Cases.TrackingNumbers>();
        services.AddScoped<GrievanceDesk.Application.Cases.IIdempotencyKeys, Cases.IdempotencyKeys>();
        services.AddScoped<GrievanceDesk.Application.Cases.ICaseNotifier, Cases.CaseNotifier>();
        services.AddScoped<GrievanceDesk.Application.Cases.IAttachmentStore, Cases.AttachmentStore>();
        services.AddScoped<IAuthService, AuthService>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<ILookupNormalizer, SafeLookupNormalizer>();
        services.AddSingleton<SessionStamps>();
        services.AddSingleton<IBusinessCalendarSource, BusinessCalendarSource>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IDemoCaseSeeder, DemoCaseSeeder>();
        services.AddRecurringJob<GrievanceDesk.Application.Escalation.EscalationSweep>();
        services.AddRecurringJob<GrievanceDesk.Application.ReferenceData.HolidayCoverageJob>();
        return services;
    }

    private static string ResolveConnectionString(DatabaseOptions database, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:Provider is {database.Provider} but Database:ConnectionString is empty.");
        }

        var folder = Path.IsPathRooted(database.DataDirectory)
            ? database.DataDirectory
            : Path.Combine(environment.ContentRootPath, database.DataDirectory);
        Directory.CreateDirectory(folder);
        return DbContextOptionsFactory.SqliteConnectionString(folder);
    }
}
