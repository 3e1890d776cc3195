using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.ReferenceData;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Time;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Application.Cases.Intake;

public sealed record ComplainantInput(string Name, string? Phone, string? IdNumber, string? Address);

public sealed record AttachmentInput(string FileName, string ContentType, string ContentBase64);

/// <summary>
/// POST /api/cases: logs a case (登记), routes it by the rules and, on a rule hit, dispatches it at once (with the
/// conflict guard) and auto-assigns where the unit does. A retry with the same Idempotency-Key returns the first case.
/// With <see cref="RepeatOfCaseId"/> (the desk found the earlier case at intake) the new case is a repeat (重复件): a
/// repeat of a case still being handled is merged into it and not dispatched again; a repeat of a closed case is routed.
/// With <see cref="Answer"/> the desk answers a consultation (咨询) on the spot as it logs it, so a rule does not send
/// the question to a unit first.
/// </summary>
public sealed record LogCase(
    Channel Channel,
    CaseKind Kind,
    Urgency Urgency,
    DateTimeOffset ReceivedAt,
    bool Anonymous,
    IReadOnlyList<ComplainantInput>? Complainants,
    int HeadCount,
    string CategoryCode,
    string RegionCode,
    string Address,
    string Subject,
    string Content,
    string? RespondentUnitCode = null,
    string? RespondentName = null,
    IReadOnlyList<AttachmentInput>? Attachments = null,
    long? RepeatOfCaseId = null,
    string? Answer = null,
    ContactChannel? AnswerChannel = null) : ICommand<LogCaseResult>
{
    /// <summary>From the Idempotency-Key header; not part of the JSON body (a body that names it is refused as an unknown member).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? IdempotencyKey { get; init; }
}

public sealed record LogCaseResult(CaseDetailDto Case, bool Created);

public sealed class LogCaseHandler(
    IAppDbContext db,
    CaseStore store,
    ITrackingNumbers tracking,
    IIdempotencyKeys idempotency,
    IAttachmentStore attachments,
    CaseRouter router,
    ICaseNotifier notifier,
    CaseReader reader,
    IReferenceData reference) : ICommandHandler<LogCase, LogCaseResult>
{
    public async ValueTask<LogCaseResult> Handle(LogCase command, CancellationToken ct)
    {
        if (command.IdempotencyKey is { } key && await idempotency.FindCaseAsync(key, ct) is { } existing)
        {
            return new LogCaseResult(await reader.Detail(existing, ct), Created: false);
        }

        // Every read first (reference data from the instance's snapshot, the routing plan with the cadres' open load),
        // then the writes, the tracking number last: the counter row is the one hot row all intakes update.
        var snapshot = await reference.GetAsync(ct);
        var category = Lookup(snapshot.Categories.FirstOrDefault(c => c.Code == command.CategoryCode && c.IsActive)?.Id, "categoryCode", "问题分类", command.CategoryCode);
        var region = Lookup(snapshot.Regions.FirstOrDefault(r => r.Code == command.RegionCode && r.IsActive)?.Id, "regionCode", "属地", command.RegionCode);
        int? respondent = command.RespondentUnitCode is { Length: > 0 } code
            ? Lookup(snapshot.Units.FirstOrDefault(u => u.Code == code)?.Id, "respondentUnitCode", "被反映单位", code)
            : null;
        var original = command.RepeatOfCaseId is { } originalId
            ? await db.Cases.Include(c => c.Complainants).SingleOrDefaultAsync(c => c.Id == originalId, ct)
                ?? throw new FluentValidation.ValidationException(
                    [new FluentValidation.Results.ValidationFailure("repeatOfCaseId", $"案件 {originalId} 不存在 (case not found).")])
            : null;

        var policy = snapshot.SlaPolicyFor(command.Channel, category, Case.UrgencyOf(command.HeadCount, command.Urgency));
        // What intake does to the case it registers: link it to the earlier case, answer it, route it.
        var ctx = (await store.ContextFor(policy.Id, ct))
            .Permitting(CaseAction.MarkRepeatOf, CaseAction.AnswerOnTheSpot, CaseAction.Dispatch, CaseAction.Assign);
        var route = await router.PlanAsync(category, region, respondent, ct);

        var stored = new List<NewAttachment>();
        foreach (var file in command.Attachments ?? [])
        {
            var bytes = Convert.FromBase64String(file.ContentBase64);
            stored.Add(new NewAttachment(file.FileName, file.ContentType, bytes.LongLength, await attachments.SaveAsync(bytes, ct)));
        }

        var trackingNo = await tracking.NextAsync(ChinaTime.DateOf(ctx.NowUtc), ct);
        var @case = Case.Register(
            new NewCase(
                command.Channel, command.Kind, command.Urgency, ChinaTime.ToUtc(command.ReceivedAt), command.Anonymous,
                (command.Complainants ?? []).Select(p => new NewComplainant(p.Name, p.Phone, p.IdNumber, p.Address)).ToList(),
                command.HeadCount, category, region, command.Address, command.Subject, command.Content,
                respondent, command.RespondentName, stored),
            trackingNo, tracking.NewQueryCode(), policy.Id, ctx);
        db.Cases.Add(@case);
        if (original is not null)
        {
            var originalUnit = original.UnitId is { } unitId ? snapshot.UnitsById[unitId].Name : null;
            @case.MarkRepeatOf(original, originalUnit, snapshot.UnitAncestryOrEmpty(original.UnitId), ctx);
            await notifier.EnqueueAsync(original, ct);
        }

        if (command.Answer is { } answer)
        {
            @case.AnswerOnTheSpot(answer, command.AnswerChannel!.Value, ctx);
        }

        CaseRouter.Apply(@case, route, ctx);

        await store.Save(@case, ct);
        if (command.IdempotencyKey is { } newKey)
        {
            idempotency.Remember(newKey, @case.Id, ctx.NowUtc);
        }

        return new LogCaseResult(await reader.DescribeNew(@case, ct), Created: true);
    }

    private static int Lookup(int? id, string field, string what, string code) =>
        id ?? throw new FluentValidation.ValidationException(
            [new FluentValidation.Results.ValidationFailure(field, $"{what} {code} 不存在或已停用 (unknown or inactive).")]);
}
