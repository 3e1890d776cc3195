using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

public sealed record HolidayDto(DateOnly Date, CalendarDayKind Kind, string Name, bool IsProvisional = false);

/// <summary>The holiday calendar: holidays and make-up working days (调休上班); ordinary weekends are implied.</summary>
[RequiresRole(Roles.Admin)]
public sealed record ListHolidays(int? Year) : IQuery<IReadOnlyList<HolidayDto>>;

/// <summary>Marks a date as a holiday or a make-up working day (creates or replaces).</summary>
[RequiresRole(Roles.Admin)]
public sealed record SetHoliday(DateOnly Date, CalendarDayKind Kind, string Name) : ICommand<HolidayDto>;

/// <summary>Makes a date an ordinary day again.</summary>
[RequiresRole(Roles.Admin)]
public sealed record RemoveHoliday(DateOnly Date) : ICommand<bool>;

/// <summary>
/// A whole year's arrangement at once, as the State Council publishes it (国务院办公厅关于{year}年部分节假日安排的通知),
/// one line per holiday block or make-up day (<see cref="HolidayArrangementText"/>). Replaces every entry of the year,
/// provisional ones included.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ImportHolidayYear(int Year, string Arrangement) : ICommand<IReadOnlyList<HolidayDto>>;

/// <summary>The fixed statutory days of a year not yet published (元旦, 劳动节, 国庆节 1–3), marked provisional; existing dates are kept.</summary>
[RequiresRole(Roles.Admin)]
public sealed record AddProvisionalHolidays(int Year) : ICommand<IReadOnlyList<HolidayDto>>;

public sealed class ListHolidaysValidator : AbstractValidator<ListHolidays>
{
    public ListHolidaysValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

public sealed class SetHolidayValidator : AbstractValidator<SetHoliday>
{
    public SetHolidayValidator()
    {
        RuleFor(x => x.Date).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31));
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Name).ValidName(32);
    }
}

public sealed class ImportHolidayYearValidator : AbstractValidator<ImportHolidayYear>
{
    public ImportHolidayYearValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Arrangement).NotEmpty().MaximumLength(8000).Custom((text, context) =>
        {
            var parsed = HolidayArrangementText.Parse(text ?? string.Empty, context.InstanceToValidate.Year);
            foreach (var error in parsed.Errors)
            {
                context.AddFailure(nameof(ImportHolidayYear.Arrangement), error);
            }
        });
    }
}

public sealed class AddProvisionalHolidaysValidator : AbstractValidator<AddProvisionalHolidays>
{
    public AddProvisionalHolidaysValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

public sealed class HolidayHandlers(IAppDbContext db, DeadlineRecomputation recomputation) :
    IQueryHandler<ListHolidays, IReadOnlyList<HolidayDto>>,
    ICommandHandler<SetHoliday, HolidayDto>,
    ICommandHandler<RemoveHoliday, bool>,
    ICommandHandler<ImportHolidayYear, IReadOnlyList<HolidayDto>>,
    ICommandHandler<AddProvisionalHolidays, IReadOnlyList<HolidayDto>>
{
    public async ValueTask<IReadOnlyList<HolidayDto>> Handle(ListHolidays query, CancellationToken ct)
    {
        var days = db.Holidays.AsNoTracking();
        if (query.Year is { } year)
        {
            days = days.Where(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31));
        }

        return await days.OrderBy(d => d.Date).Select(d => new HolidayDto(d.Date, d.Kind, d.Name, d.IsProvisional)).ToListAsync(ct);
    }

    public async ValueTask<HolidayDto> Handle(SetHoliday command, CancellationToken ct)
    {
        var existing = await db.Holidays.FindAsync([command.Date], ct);
        if (existing is not null)
        {
            db.Holidays.Remove(existing);
            await db.SaveChangesAsync(ct);
        }

        db.Holidays.Add(new CalendarDay(command.Date, command.Kind, command.Name));
        var kind = command.Kind == CalendarDayKind.Holiday ? "放假" : "调休上班";
        await recomputation.RecomputeAsync(command.Date, $"节假日调整：{command.Date:yyyy-MM-dd}设为{kind}（{command.Name}）", ct);
        return new HolidayDto(command.Date, command.Kind, command.Name);
    }

    public async ValueTask<bool> Handle(RemoveHoliday command, CancellationToken ct)
    {
        var existing = await db.Holidays.FindAsync([command.Date], ct) ?? throw new NotFoundException("节假日", command.Date);
        db.Holidays.Remove(existing);
        await recomputation.RecomputeAsync(command.Date, $"节假日调整：{command.Date:yyyy-MM-dd}（{existing.Name}）恢复为普通日期", ct);
        return true;
    }

    public async ValueTask<IReadOnlyList<HolidayDto>> Handle(ImportHolidayYear command, CancellationToken ct)
    {
        var days = HolidayArrangementText.Parse(command.Arrangement, command.Year).Days;
        var (start, end) = (new DateOnly(command.Year, 1, 1), new DateOnly(command.Year, 12, 31));
        db.Holidays.RemoveRange(await db.Holidays.Where(d => d.Date >= start && d.Date <= end).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.Holidays.AddRange(days);
        await recomputation.RecomputeAsync(start, $"录入{command.Year}年节假日安排", ct);
        return [.. days.Select(d => new HolidayDto(d.Date, d.Kind, d.Name, d.IsProvisional))];
    }

    public async ValueTask<IReadOnlyList<HolidayDto>> Handle(AddProvisionalHolidays command, CancellationToken ct)
    {
        var (start, end) = (new DateOnly(command.Year, 1, 1), new DateOnly(command.Year, 12, 31));
        var known = (await db.Holidays.Where(d => d.Date >= start && d.Date <= end).Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var added = StatutoryHolidays.ProvisionalFor(command.Year).Where(d => !known.Contains(d.Date)).ToList();
        db.Holidays.AddRange(added);
        if (added.Count > 0)
        {
            await recomputation.RecomputeAsync(added.Min(d => d.Date), $"添加{command.Year}年法定节日（暂定）", ct);
        }

        return [.. added.Select(d => new HolidayDto(d.Date, d.Kind, d.Name, d.IsProvisional))];
    }
}
