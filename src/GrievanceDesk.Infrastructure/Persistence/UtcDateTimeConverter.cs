using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>Stores DateTime as given (UTC by convention) and reads it back with Kind = Utc.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v,
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
