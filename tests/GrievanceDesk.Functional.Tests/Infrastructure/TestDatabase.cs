using GrievanceDesk.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// The database one test app (or several app instances) runs on: a SQLite file in a temporary folder in this
/// project; a database of its own on the test run's PostgreSQL cluster in GrievanceDesk.Functional.Tests.PostgreSql,
/// which compiles the same tests with TEST_POSTGRESQL defined.
/// </summary>
public sealed class TestDatabase : IDisposable
{
#if TEST_POSTGRESQL
    public static readonly DatabaseProvider Provider = DatabaseProvider.PostgreSql;
#else
    public static readonly DatabaseProvider Provider = DatabaseProvider.Sqlite;
#endif

    private readonly string _name = "gd_" + Guid.NewGuid().ToString("N");
    private readonly string _dataDirectory;
    private readonly string? _connectionString;

    public TestDatabase()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), "gd-tests", _name);
        if (Provider == DatabaseProvider.PostgreSql)
        {
            _connectionString = PostgresCluster.Shared.CreateDatabase(_name);
        }
    }

    /// <summary>Points an app at this database.</summary>
    public void Apply(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        if (_connectionString is not null)
        {
            builder.UseSetting("Database:ConnectionString", _connectionString);
        }
    }

    /// <summary>The same settings as environment variables, for an app started as its own process.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["Database__Provider"] = Provider.ToString(),
        ["Database__DataDirectory"] = _dataDirectory,
        ["Database__ConnectionString"] = _connectionString ?? string.Empty,
    };

    public void Dispose()
    {
        if (_connectionString is not null)
        {
            PostgresCluster.Shared.DropDatabase(_name);
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (or nothing written at all) is left for the OS temp cleaner.
        }
    }
}
