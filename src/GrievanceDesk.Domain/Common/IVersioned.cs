namespace GrievanceDesk.Domain.Common;

/// <summary>
/// An aggregate with an application-set concurrency token. SQLite has no rowversion, so the version
/// is a plain integer that the persistence layer increments on every save (same on both providers).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
