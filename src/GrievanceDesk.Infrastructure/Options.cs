namespace GrievanceDesk.Infrastructure;

/// <summary>Which database (section "Database"): SQLite, the embedded default, or SQL Server or PostgreSQL in production.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string; for SQLite, empty means a file under <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives; relative paths are under the app's content root.</summary>
    public string DataDirectory { get; set; } = "data";
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,

    /// <summary>PostgreSQL, and the 信创 databases that speak its protocol (KingbaseES, openGauss/GaussDB, HighGo, Vastbase).</summary>
    PostgreSql,
}

/// <summary>Demo mode (section "Demo"): demo users with a shared password, and demo cases.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string DefaultPassword = "Demo@2026";

    public bool Seed { get; set; }
    public string Password { get; set; } = DefaultPassword;

    /// <summary>How many demo cases to spread over the last ten weeks.</summary>
    public int Cases { get; set; } = 400;
}

/// <summary>The first administrator (section "Admin"), created at start when missing. Required in production.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string UserName { get; set; } = "admin";
    public string? Password { get; set; }
}
