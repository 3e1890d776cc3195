using GrievanceDesk.Application.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrievanceDesk.Infrastructure.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// Hangfire on the configured database (in-memory storage for SQLite, Hangfire.SqlServer or Hangfire.PostgreSql on the
    /// same connection string for SQL Server or PostgreSQL), the job registry, the start-up registration of the recurring jobs and, unless
    /// <c>Jobs:RunServer=false</c>, an in-process Hangfire server.
    /// <para>
    /// The storage, activator and time-zone resolver are this container's own singletons, never Hangfire's statics
    /// (JobStorage.Current, JobActivator.Current), so several app instances in one process (the tests) stay apart;
    /// the one static left, the log provider, tolerates a disposed host (<see cref="HangfireLogProvider"/>).
    /// </para>
    /// </summary>
    public static IServiceCollection AddGrievanceDeskJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        var settings = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // Registered before AddHangfire, whose TryAdd defaults would fall back to the process-wide statics.
        services.AddSingleton<JobStorage>(_ => CreateStorage(database));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<ITimeZoneResolver, ChinaTimeZoneResolver>();
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        if (settings.RunServer)
        {
            services.AddHangfireServer((_, o) => o.WorkerCount = Math.Max(1, settings.WorkerCount));
        }

        services.AddSingleton<JobScheduler>();
        services.AddSingleton<IJobScheduler>(sp => sp.GetRequiredService<JobScheduler>());
        services.AddTransient<RecurringJobInvoker>();
        services.AddHostedService<RecurringJobRegistration>();
        return services;
    }

    /// <summary>Hangfire's own schema on the app's database for the server providers, so every instance shares one job store.</summary>
    private static JobStorage CreateStorage(DatabaseOptions database) => database.Provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }),
        DatabaseProvider.PostgreSql => CreatePostgreSqlStorage(database.ConnectionString!),
        _ => new InMemoryStorage(),
    };

    /// <summary>Creates or upgrades Hangfire's schema in the database now (the migration step), not at an instance's first job.</summary>
    public static void PrepareStorage(IServiceProvider services)
    {
        using var connection = services.GetRequiredService<JobStorage>().GetConnection();
    }

    private static PostgreSqlStorage CreatePostgreSqlStorage(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true }; // schema "hangfire"
        return new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary>
    /// Adds a recurring job: one class implementing <see cref="IRecurringJob"/> (scoped, so it may take the DbContext).
    /// It is scheduled with <c>Jobs:Cron:{id}</c> (every minute by default), listed at GET /api/admin/jobs and
    /// triggerable at POST /api/admin/jobs/{id}/trigger and from the dashboard.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services)
        where TJob : class, IRecurringJob
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IRecurringJob, TJob>());
        return services;
    }
}
