using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// Before the host is built: can the SQLite database be created, opened and written where the configuration says?
/// Returns one line that names the path and the cause when it cannot, so a start on an unwritable data directory
/// ends with that line and a non-zero exit code instead of a stack trace. SQL Server is checked by its first migration.
/// </summary>
public static class StartupDatabaseCheck
{
    public static string? Problem(IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        var folder = string.IsNullOrWhiteSpace(database.ConnectionString)
            ? Path.IsPathRooted(database.DataDirectory) ? database.DataDirectory : Path.Combine(environment.ContentRootPath, database.DataDirectory)
            : null;
        try
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            var connectionString = database.ConnectionString is { Length: > 0 } given ? given : DbContextOptionsFactory.SqliteConnectionString(folder!);
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
            if (!File.Exists(builder.DataSource))
            {
                // A new database: the migration creates it; here only prove that a file can be created beside it.
                var probe = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(builder.DataSource))!, $".write-probe-{Guid.NewGuid():N}");
                File.WriteAllBytes(probe, []);
                File.Delete(probe);
                return null;
            }

            // An existing database must take a write transaction (a read-only file or mount refuses it).
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            command.ExecuteNonQuery();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException or ArgumentException)
        {
            var where = folder ?? new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            return $"GrievanceDesk cannot start: the database at {where} cannot be created, opened or written ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}).";
        }
    }
}
