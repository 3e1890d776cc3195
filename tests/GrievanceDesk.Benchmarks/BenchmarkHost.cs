using GrievanceDesk.Application;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Benchmarks;

/// <summary>
/// The application's own services (Application + Infrastructure, as the web host registers them) over a benchmark
/// SQLite file, with a clock fixed at the data set's "now" and a leader signed in. No web host, no Hangfire server.
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private BenchmarkHost(ServiceProvider services, string databasePath)
    {
        Services = services;
        DatabasePath = databasePath;
    }

    public ServiceProvider Services { get; }

    public string DatabasePath { get; }

    public static string ConnectionString(string path) => $"Data Source={path};Default Timeout=60;Pooling=True";

    public static BenchmarkHost Create(string databasePath, DateTime nowUtc)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = ConnectionString(databasePath),
                ["Jobs:RunServer"] = "false",
                ["Demo:Seed"] = "false",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddDataProtection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddApplication();
        services.AddInfrastructure(configuration, new BenchmarkEnvironment());
        services.AddSingleton<TimeProvider>(new FixedClock(nowUtc));
        services.AddScoped<ICurrentUser, BenchmarkLeader>();
        return new BenchmarkHost(services.BuildServiceProvider(), databasePath);
    }

    /// <summary>A fresh database file with the app's migrations and reference data (units, categories, regions, SLA policies, holidays).</summary>
    public static async Task<BenchmarkHost> CreateFreshAsync(string databasePath, DateTime nowUtc)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        var host = Create(databasePath, nowUtc);
        await DatabaseInitializer.RunAsync(host.Services);
        return host;
    }

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private sealed class BenchmarkEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "GrievanceDesk.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class BenchmarkLeader : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public string UserName => "leader";
        public string DisplayName => "陈建国";
        public int? UnitId => null;
        public IReadOnlyCollection<string> Roles { get; } = [GrievanceDesk.Application.Common.Roles.Leader];
    }
}

/// <summary>The data set's "now": the stats count "due" and "open" against it, as the app does against the real clock.</summary>
public sealed class FixedClock(DateTime nowUtc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
}

/// <summary>A table's model as EF Core maps it, to check the seeder fills every required column.</summary>
public static class SchemaCheck
{
    public static void RequireColumns(AppDbContext db, string table, IReadOnlyCollection<string> provided)
    {
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table);
        var entity = db.Model.GetEntityTypes().FirstOrDefault(e => e.GetTableName() == table)
            ?? throw new InvalidOperationException($"The model has no table {table}.");
        var missing = entity.GetProperties()
            .Where(p => !p.IsNullable && p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && p.GetColumnName(store) is { } c && !provided.Contains(c))
            .Select(p => p.GetColumnName(store))
            .ToList();
        var unknown = provided.Where(c => entity.GetProperties().All(p => p.GetColumnName(store) != c)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The seeder is out of date with the model for {table}: missing required columns [{string.Join(", ", missing)}], unknown columns [{string.Join(", ", unknown)}].");
        }
    }
}
