using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>What a failed save means, the same on every provider.</summary>
public static class DbErrors
{
    /// <summary>A unique key or primary key refused the write (another writer inserted the same key first).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 } => true, // duplicate key in a unique index, a unique or primary key constraint
        Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } => true, // 23505
        _ => false,
    };
}
