using GrievanceDesk.Application.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// Turns a provider's error into what the application means by it, so that no layer above this one needs to know
/// SQLite, SQL Server or PostgreSQL error codes: a lost unique-key race is <see cref="UniqueKeyConflictException"/> (retry),
/// a database that cannot take writes is <see cref="DatabaseUnavailableException"/> (503, the cause named). Anything
/// else is left as it is: a bug to see in the log.
/// </summary>
public static class DatabaseErrors
{
    public static Exception? Translate(Exception exception)
    {
        var provider = exception is DbUpdateException { InnerException: { } inner } ? inner : exception;
        return provider switch
        {
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => new UniqueKeyConflictException(exception), // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
            SqlException { Number: 2601 or 2627 } => new UniqueKeyConflictException(exception), // duplicate key in a unique index, a unique or primary key constraint
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => new UniqueKeyConflictException(exception), // 23505
            SqliteException s when UnavailableCause(s) is { } cause => new DatabaseUnavailableException(cause, exception),
            SqlException s when UnavailableCause(s) is { } cause => new DatabaseUnavailableException(cause, exception),
            PostgresException p when UnavailableCause(p) is { } cause => new DatabaseUnavailableException(cause, exception),
            NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException } => new DatabaseUnavailableException("无法连接数据库服务器 (cannot reach the database server)", exception),
            _ => null,
        };
    }

    private static string? UnavailableCause(SqliteException e) => e.SqliteErrorCode switch
    {
        3 => "没有写入数据库文件的权限 (access permission denied)",
        5 or 6 => "数据库被长时间锁定 (the database is locked)",
        8 => "数据库为只读，无法写入 (the database is read-only)",
        10 => "数据库文件读写出错 (disk I/O error)",
        13 => "磁盘已满 (the disk is full)",
        14 => "无法打开数据库文件 (unable to open the database file)",
        _ => null,
    };

    private static string? UnavailableCause(SqlException e) => e.Number switch
    {
        3906 => "数据库为只读，无法写入 (the database is read-only)",
        1105 or 9002 => "数据库空间已满 (the database or its log is full)",
        -2 => "数据库响应超时 (timeout)",
        53 or 40 or 233 or 4060 or 40613 or 10053 or 10054 or 10060 or 10061 => "无法连接数据库服务器 (cannot reach the database server)",
        _ => null,
    };

    private static string? UnavailableCause(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.ReadOnlySqlTransaction => "数据库为只读，无法写入 (the database is read-only)",
        PostgresErrorCodes.DiskFull => "磁盘已满 (the disk is full)",
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown
            => "数据库服务器不可用 (the database server is shutting down or starting)",
        _ when e.SqlState.StartsWith("08", StringComparison.Ordinal) => "无法连接数据库服务器 (cannot reach the database server)",
        _ => null,
    };
}
