using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// Stores DateTime as UTC (UTC by convention; Kind = Utc on the way in, which PostgreSQL's timestamp with time zone
/// requires) and reads it back with Kind = Utc.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
