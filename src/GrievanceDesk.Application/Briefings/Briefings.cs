using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Time;
using Mediator;

namespace GrievanceDesk.Application.Briefings;

/// <summary>An archived briefing, without its bytes.</summary>
public sealed record ArchivedBriefingDto(int Year, int Week, DateOnly PeriodStart, DateOnly PeriodEnd, DateTimeOffset GeneratedAt, int SizeBytes);

/// <summary>The briefing archive (Infrastructure keeps it in the database): one PDF per ISO week, never two.</summary>
public interface IBriefingArchive
{
    /// <summary>Newest week first.</summary>
    Task<IReadOnlyList<ArchivedBriefingDto>> ListAsync(CancellationToken ct);

    Task<byte[]?> FindPdfAsync(BriefingWeek week, CancellationToken ct);

    /// <summary>
    /// Archives the PDF unless the week has one already (another run, request or instance got there first, which the
    /// unique key on the week decides); returns the PDF that is archived now and whether it is this one.
    /// </summary>
    Task<(byte[] Pdf, bool Added)> AddIfMissingAsync(BriefingWeek week, DateTime generatedAtUtc, byte[] pdf, CancellationToken ct);
}

/// <summary>The one way a briefing gets into the archive: from the Monday job, or on demand for a past week.</summary>
public sealed class WeeklyBriefingPublisher(WeeklyBriefingBuilder builder, IBriefingRenderer renderer, IBriefingArchive archive, Stats.Rollup.StockSnapshots snapshots)
{
    /// <summary>The archived PDF of a finished week; if there is none, it is built, rendered and archived now.</summary>
    public async Task<(byte[] Pdf, bool Generated)> GetOrPublishAsync(BriefingWeek week, CancellationToken ct)
    {
        if (await archive.FindPdfAsync(week, ct) is { } archived)
        {
            return (archived, false);
        }

        // The week's stock is read from its Sunday's snapshot: take any that the nightly job has not yet taken.
        await snapshots.SnapshotDueDaysAsync(ct);
        var briefing = await builder.BuildAsync(week, ct);
        var pdf = renderer.Render(briefing);
        return await archive.AddIfMissingAsync(week, briefing.GeneratedAt.UtcDateTime, pdf, ct);
    }
}

/// <summary>GET /api/briefings: the archive, newest first.</summary>
[RequiresRole(Roles.Leader, Roles.Dispatcher, Roles.FrontDesk)]
public sealed record ListBriefings : IQuery<IReadOnlyList<ArchivedBriefingDto>>;

/// <summary>
/// GET /api/briefings/weekly/{year}/{week}: the PDF of a finished ISO week, generated and archived on demand when the
/// archive has none. A request rather than a command: the archive commits its own row, and a race for the week is
/// settled by its unique key, not by one transaction.
/// </summary>
[RequiresRole(Roles.Leader, Roles.Dispatcher, Roles.FrontDesk)]
public sealed record GetWeeklyBriefing(int Year, int Week) : IRequest<BriefingPdf>;

public sealed record BriefingPdf(int Year, int Week, byte[] Content)
{
    public const string ContentType = "application/pdf";

    public string FileName => $"weekly-briefing-{Year}-W{Week:00}.pdf";
}

public sealed class GetWeeklyBriefingValidator : AbstractValidator<GetWeeklyBriefing>
{
    public GetWeeklyBriefingValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(BriefingWeek.FirstYear, BriefingWeek.LastYear);
        RuleFor(x => x.Week)
            .Must((q, week) => BriefingWeek.IsValid(q.Year, week))
            .When(x => x.Year is >= BriefingWeek.FirstYear and <= BriefingWeek.LastYear)
            .WithMessage(q => $"{q.Year}年没有第{q.Week}周，ISO 周次为 1–{System.Globalization.ISOWeek.GetWeeksInYear(q.Year)} ({q.Year} has no ISO week {q.Week}).");
        // A briefing compares with the week before; the calendar's first week has none.
        RuleFor(x => x.Week).GreaterThan(1).When(x => x.Year == BriefingWeek.FirstYear)
            .WithMessage($"周报最早为 {BriefingWeek.FirstYear} 年第 2 周：第 1 周没有可比的上一周 (the first briefing week is {BriefingWeek.FirstYear}-W02).");
    }
}

public sealed class BriefingHandlers(IBriefingArchive archive, WeeklyBriefingPublisher publisher, TimeProvider clock) :
    IQueryHandler<ListBriefings, IReadOnlyList<ArchivedBriefingDto>>,
    IRequestHandler<GetWeeklyBriefing, BriefingPdf>
{
    public const string WeekNotOver = "briefing-week-not-over";

    public async ValueTask<IReadOnlyList<ArchivedBriefingDto>> Handle(ListBriefings query, CancellationToken ct) => await archive.ListAsync(ct);

    public async ValueTask<BriefingPdf> Handle(GetWeeklyBriefing request, CancellationToken ct)
    {
        var week = new BriefingWeek(request.Year, request.Week);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!week.IsOverAt(now))
        {
            throw new ConflictException(WeekNotOver,
                $"{week.Year}年第{week.Week}周（{week.Monday:yyyy-MM-dd}至{week.Sunday:yyyy-MM-dd}）尚未结束，简报在该周结束后生成" +
                $"（北京时间{ChinaTime.ToOffset(week.EndUtc):yyyy-MM-dd HH:mm}起） (week {week} is not over yet).");
        }

        var (pdf, _) = await publisher.GetOrPublishAsync(week, ct);
        return new BriefingPdf(week.Year, week.Week, pdf);
    }
}
