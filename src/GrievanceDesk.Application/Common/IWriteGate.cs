namespace GrievanceDesk.Application.Common;

/// <summary>
/// Lets one write transaction at a time into a database that admits only one writer (SQLite). Entered before a
/// command's transaction begins and left after it ends, so concurrent commands wait their turn without blocking a
/// thread; where the database takes concurrent writers (SQL Server, PostgreSQL) the gate is open.
/// </summary>
public interface IWriteGate
{
    ValueTask<IDisposable> EnterAsync(CancellationToken ct);
}
