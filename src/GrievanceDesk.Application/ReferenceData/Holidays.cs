using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.ReferenceData;

public sealed record HolidayDto(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>The holiday calendar: holidays and make-up working days (调休上班); ordinary weekends are implied.</summary>
public sealed record ListHolidays(int? Year) : IQuery<IReadOnlyList<HolidayDto>>;

/// <summary>Marks a date as a holiday or a make-up working day (creates or replaces).</summary>
public sealed record SetHoliday(DateOnly Date, CalendarDayKind Kind, string Name) : ICommand<HolidayDto>;

/// <summary>Makes a date an ordinary day again.</summary>
public sealed record RemoveHoliday(DateOnly Date) : ICommand<bool>;

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

public sealed class HolidayHandlers(IAppDbContext db, IBusinessCalendarSource calendars) :
    IQueryHandler<ListHolidays, IReadOnlyList<HolidayDto>>,
    ICommandHandler<SetHoliday, HolidayDto>,
    ICommandHandler<RemoveHoliday, bool>
{
    public async ValueTask<IReadOnlyList<HolidayDto>> Handle(ListHolidays query, CancellationToken ct)
    {
        var days = db.Holidays.AsNoTracking();
        if (query.Year is { } year)
        {
            days = days.Where(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31));
        }

        return await days.OrderBy(d => d.Date).Select(d => new HolidayDto(d.Date, d.Kind, d.Name)).ToListAsync(ct);
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
        calendars.Invalidate();
        return new HolidayDto(command.Date, command.Kind, command.Name);
    }

    public async ValueTask<bool> Handle(RemoveHoliday command, CancellationToken ct)
    {
        var existing = await db.Holidays.FindAsync([command.Date], ct) ?? throw new NotFoundException("节假日", command.Date);
        db.Holidays.Remove(existing);
        calendars.Invalidate();
        return true;
    }
}
