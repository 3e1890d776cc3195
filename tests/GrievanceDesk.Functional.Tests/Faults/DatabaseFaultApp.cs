using System.Collections.Concurrent;
using System.Data.Common;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Functional.Tests.Faults;

/// <summary>
/// The app with switches that make its real SQLite database fail: <see cref="DatabaseSwitch.ReadOnly"/> turns on SQLite's
/// own <c>PRAGMA query_only</c> for every connection the app opens (SQLite then refuses every write with
/// SQLITE_READONLY, as for a read-only file — which chmod cannot stage for a test running as root), and
/// <see cref="DatabaseSwitch.FailEscalationInsert"/> makes the escalation record's INSERT fail with a given provider
/// error. Logs are captured, the escalation sweep's at Debug.
/// </summary>
public sealed class DatabaseFaultApp : GrievanceDeskFactory
{
    public MutableTimeProvider Clock { get; } = new();

    public DatabaseSwitch Switch { get; } = new();

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Logging:LogLevel:GrievanceDesk.Application.Escalation", "Debug");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerProvider>(Logs);
        services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Switch, Switch.Commands));
    }
}

public sealed class DatabaseSwitch : DbConnectionInterceptor
{
    public volatile bool ReadOnly;

    public CommandFaults Commands { get; } = new();

    /// <summary>When set, the INSERT of an escalation record fails with this provider error instead of running.</summary>
    public SqliteException? FailEscalationInsert
    {
        get => Commands.Fault;
        set => Commands.Fault = value;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // SQLite's own read-only switch; on PostgreSQL, every transaction of the session read-only (writes fail with 25006).
        command.CommandText = connection is SqliteConnection
            ? ReadOnly ? "PRAGMA query_only = ON;" : "PRAGMA query_only = OFF;"
            : ReadOnly ? "SET default_transaction_read_only = on;" : "SET default_transaction_read_only = off;";
        command.ExecuteNonQuery();
    }

    public sealed class CommandFaults : DbCommandInterceptor
    {
        public SqliteException? Fault { get; set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Fault is { } fault && command.CommandText.Contains("INSERT INTO \"CaseEscalations\"", StringComparison.Ordinal))
            {
                throw fault;
            }

            return ValueTask.FromResult(result);
        }
    }
}

/// <summary>Every log entry the app writes, with its category and level.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture.Entries.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}
