using System.Data.Common;
using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Domain.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Application.Escalation;

/// <summary>
/// The escalation sweep (超期预警与督办), one recurring job: for each SLA policy and each step of the ladder it asks the
/// database, with one indexed range query on the deadline each case is held to now, which cases have the step due and
/// not yet recorded, and records it on each of them: a warning to cadre and unit leader, an overdue notice to the unit
/// leader, a supervision order from the office (+3 working days), leader supervision (+10). Paused cases wait.
/// Exactly once per case, step and deadline is the database's unique key on <see cref="EscalationRecord"/>, not this code.
/// </summary>
public sealed class EscalationSweep(
    IAppDbContext db,
    IBusinessCalendarSource calendars,
    ICaseNotifier notifier,
    TimeProvider clock,
    IWriteGate gate,
    ILogger<EscalationSweep> log) : IRecurringJob
{
    public const string JobId = "escalation-sweep";
    public const string DueAtColumn = "DueAtUtc";
    private const int BatchSize = 500;

    /// <summary>The steps in the order they fall due for one deadline.</summary>
    public static readonly IReadOnlyList<EscalationStep> Ladder = [EscalationStep.Warning, EscalationStep.Overdue, EscalationStep.Supervision, EscalationStep.LeaderSupervision];

    public string Id => JobId;

    public string DisplayName => "超期预警与督办";

    public async Task<JobResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var calendar = await calendars.GetAsync(ct);
        var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(ct);
        var counts = Ladder.ToDictionary(s => s, _ => 0);
        var skipped = new HashSet<long>();
        foreach (var step in Ladder)
        {
            foreach (var policy in policies)
            {
                var cutoff = EscalationSchedule.LatestDeadlineDue(step, now, policy.Terms, calendar);
                while (true)
                {
                    var due = await DueCases(policy.Id, step, cutoff, skipped, WarnOnlyAfter(step, now)).Take(BatchSize).ToListAsync(ct);
                    if (due.Count == 0)
                    {
                        break;
                    }

                    foreach (var (caseId, deadline) in due.Select(d => (d.Id, d.DueAt)))
                    {
                        if (await Escalate(caseId, deadline, step, new CaseContext(now, Actor.System, calendar, policy.Terms).Permitting(CaseAction.RecordEscalation), ct))
                        {
                            counts[step]++;
                        }
                        else
                        {
                            skipped.Add(caseId);
                        }
                    }
                }
            }
        }

        return JobResult.Of(
            $"预警 {counts[EscalationStep.Warning]} 件，超期 {counts[EscalationStep.Overdue]} 件，督办 {counts[EscalationStep.Supervision]} 件，领导督办 {counts[EscalationStep.LeaderSupervision]} 件",
            ("warning", counts[EscalationStep.Warning]), ("overdue", counts[EscalationStep.Overdue]),
            ("supervision", counts[EscalationStep.Supervision]), ("leaderSupervision", counts[EscalationStep.LeaderSupervision]));
    }

    /// <summary>
    /// The cases of a policy whose current deadline is at or before the step's cutoff and that have no record of the
    /// step for that deadline: a range scan on the DueAtUtc index plus a probe of the escalation key per hit.
    /// </summary>
    /// <param name="after">Only deadlines later than this (the warning's lower bound), or null.</param>
    public IQueryable<DueCase> DueCases(int policyId, EscalationStep step, DateTime cutoff, IReadOnlyCollection<long> skip, DateTime? after = null) =>
        db.Cases.AsNoTracking()
            .Where(c => EF.Property<DateTime?>(c, DueAtColumn) <= cutoff && c.SlaPolicyId == policyId && !c.IsPaused && !skip.Contains(c.Id))
            .Where(c => after == null || EF.Property<DateTime?>(c, DueAtColumn) > after)
            .Where(c => !db.Escalations.Any(e => e.CaseId == c.Id && e.Step == step && e.DeadlineUtc == EF.Property<DateTime?>(c, DueAtColumn)))
            .OrderBy(c => EF.Property<DateTime?>(c, DueAtColumn))
            .Select(c => new DueCase(c.Id, EF.Property<DateTime?>(c, DueAtColumn)!.Value));

    /// <summary>
    /// 预警 announces a deadline that is coming: a deadline already overdue (after a restart or a migration, the first sweep
    /// finds long-passed deadlines not yet warned about) is never announced as coming; the overdue step covers it.
    /// </summary>
    private static DateTime? WarnOnlyAfter(EscalationStep step, DateTime now) =>
        step == EscalationStep.Warning ? CaseStates.OverdueCutoff(now) : null;

    /// <summary>One case, one step, one transaction: the record and the case's own escalation entry commit together, or neither.</summary>
    private async Task<bool> Escalate(long caseId, DateTime deadline, EscalationStep step, CaseContext ctx, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var @case = await db.Cases.Include(c => c.Complainants).SingleAsync(c => c.Id == caseId, ct);
            if (@case.CurrentDeadlineUtc != deadline || DeadlineStages.Of(@case.Status) is null || !Announces(step, deadline, ctx.NowUtc))
            {
                return false; // changed since the scan; the next run sees its new deadline
            }

            db.Escalations.Add(TakeStep(@case, deadline, step, ctx));
            await notifier.EnqueueAsync(@case, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (e is UniqueKeyConflictException or DbUpdateConcurrencyException)
        {
            // Another run or instance recorded this step first (the unique key said no), or changed the case meanwhile
            // (its version, or on a server database the same unique key met first): expected, nothing written, and the
            // next run looks at the case again.
            log.LogDebug("Escalation {Step} of case {CaseId} was already recorded by another run (or the case changed meanwhile)", step, caseId);
            await tx.RollbackAsync(ct);
            return false;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or DatabaseUnavailableException)
        {
            // A real database fault: logged as an error; nothing was recorded, so the next run tries this case again.
            log.LogError(e, "Escalation {Step} of case {CaseId} failed; it is retried on the next run", step, caseId);
            await RollbackQuietly(tx);
            return false;
        }
        catch (DomainRuleException e)
        {
            log.LogWarning("Escalation {Step} of case {CaseId} refused: {Reason}", step, caseId, e.Message);
            await tx.RollbackAsync(ct);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Takes one step of the ladder on a case held to <paramref name="deadline"/> at <c>ctx.NowUtc</c>: the case's own
    /// entry (timeline, supervision order, notices) and the record that keeps the step once. The demo seeder takes the
    /// steps at the past instants they fell due through here (for a case not saved yet, the record's case id is 0).
    /// </summary>
    public static EscalationRecord TakeStep(Case @case, DateTime deadline, EscalationStep step, CaseContext ctx)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(ctx);
        var stage = DeadlineStages.Of(@case.Status)
            ?? throw new InvalidOperationException($"A case in {@case.Status} runs against no deadline: there is no step to take.");
        @case.RecordEscalation(step, stage.ToChinese(), deadline, ctx);
        return new EscalationRecord(@case.Id, stage, deadline, step, ctx.NowUtc);
    }

    /// <summary>Whether the sweep takes <paramref name="step"/> for a deadline at <paramref name="nowUtc"/>: a 预警 never once the deadline has passed.</summary>
    public static bool Announces(EscalationStep step, DateTime deadline, DateTime nowUtc) =>
        step != EscalationStep.Warning || !CaseStates.IsOverdue(deadline, nowUtc);

    private static async Task RollbackQuietly(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
    {
        try
        {
            await tx.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection is gone with the fault; the transaction ended with it.
        }
    }

    public sealed record DueCase(long Id, DateTime DueAt);
}
