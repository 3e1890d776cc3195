using GrievanceDesk.Application.Cases.Dispatch;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// The cadres' open loads that auto-assign reads (docs/search-and-scale.md) are kept by every save; after a day's work
/// through the API they are exactly what a count of the open cases gives.
/// </summary>
public sealed class CadreOpenLoadTests(CaseApp app) : IClassFixture<CaseApp>
{
    [Fact]
    public async Task After_intake_reassignment_close_reopen_and_merge_the_kept_loads_equal_a_count_of_the_open_cases()
    {
        foreach (var status in new[] { "registered", "dispatched", "in_progress", "feedback_given", "closed", "reopened", "merged" })
        {
            await app.CaseIn(status);
        }

        var moved = await app.CaseIn("accepted");
        await app.Do(As.UnitLeader, moved, "assign", new { cadreUserName = "cadre2" });
        await app.CaseIn("dispatched");

        var (kept, counted) = await app.Query(async db => (
            (await db.CadreOpenLoads.Where(l => l.OpenCases != 0).ToListAsync())
                .Select(l => $"{l.UnitId}/{l.CadreUserName}={l.OpenCases}").Order(StringComparer.Ordinal).ToList(),
            (await db.Cases.Where(CaseStates.Open).Where(c => c.UnitId != null && c.CadreUserName != null)
                    .GroupBy(c => new { c.UnitId, c.CadreUserName }).Select(g => new { g.Key.UnitId, g.Key.CadreUserName, Open = g.Count() }).ToListAsync())
                .Select(g => $"{g.UnitId}/{g.CadreUserName}={g.Open}").Order(StringComparer.Ordinal).ToList()));

        counted.Count.ShouldBeGreaterThan(1); // cadre1 and cadre2 both hold open cases
        kept.ShouldBe(counted);
    }

    [Fact]
    public void A_case_leaves_its_former_holders_load_and_joins_its_new_holders_and_what_nets_to_nothing_is_left_out()
    {
        var cadre1 = CadreOpenLoad.HolderOf(CaseStatus.Accepted, 2, "cadre1");
        var cadre2 = CadreOpenLoad.HolderOf(CaseStatus.InProgress, 2, "cadre2");

        CadreOpenLoad.HolderOf(CaseStatus.Closed, 2, "cadre1").ShouldBeNull();
        CadreOpenLoad.HolderOf(CaseStatus.Merged, 2, "cadre1").ShouldBeNull();
        CadreOpenLoad.HolderOf(CaseStatus.Dispatched, 2, null).ShouldBeNull();
        CadreOpenLoad.HolderOf(CaseStatus.Registered, null, "cadre1").ShouldBeNull();

        CadreOpenLoad.Changes(
            [
                (cadre1, cadre2), // reassigned
                (null, cadre1), // a new case, auto-assigned
                (cadre2, null), // closed
                (cadre2, cadre2), // a progress note: no change of holder
                (null, cadre2), // reopened to the same cadre
            ])
            .ShouldBe([(2, "cadre2", 1)]); // cadre1: −1 +1 = 0 (left out); cadre2: +1 −1 +1
    }
}
