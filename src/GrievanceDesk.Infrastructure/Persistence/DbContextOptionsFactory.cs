using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>One place that turns the provider choice into EF options, for the app, the design-time factories and the tests.</summary>
public static class DbContextOptionsFactory
{
    public const string SqliteMigrationsAssembly = "GrievanceDesk.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "GrievanceDesk.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "GrievanceDesk.Migrations.PostgreSql";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrationsAssembly)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(new SqlitePragmas()),
        };

    public static DbContextOptions<AppDbContext> Create(DatabaseProvider provider, string connectionString) =>
        (DbContextOptions<AppDbContext>)Configure(new DbContextOptionsBuilder<AppDbContext>(), provider, connectionString).Options;

    /// <summary>The SQLite connection string for a data folder: a file there, with a generous busy timeout.</summary>
    public static string SqliteConnectionString(string dataDirectory) =>
        $"Data Source={Path.Combine(dataDirectory, "grievancedesk.db")};Default Timeout=30;Pooling=True";
}
