using FluentValidation;
using FluentValidation.Results;
using GrievanceDesk.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

/// <summary>Checks shared by the reference-data commands: unique codes and existing references.</summary>
internal static class ReferenceChecks
{
    public static async Task EnsureCodeIsFree(this IQueryable<string> codesOfOthers, string code, string what, CancellationToken ct)
    {
        if (await codesOfOthers.AnyAsync(c => c == code, ct))
        {
            throw new ConflictException("code-taken", $"{what}编码 {code} 已存在 (code already used).");
        }
    }

    /// <summary>A reference to a row that does not exist is a field error (400), named after the field.</summary>
    public static async Task EnsureExists<T>(this IQueryable<T> rows, int? id, string field, string what, CancellationToken ct)
        where T : class
    {
        if (id is { } value && !await rows.AnyAsync(r => EF.Property<int>(r, "Id") == value, ct))
        {
            throw new ValidationException([new ValidationFailure(field, $"{what} {value} 不存在 (not found).")]);
        }
    }
}
