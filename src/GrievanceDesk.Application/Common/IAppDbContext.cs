using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GrievanceDesk.Application.Common;

/// <summary>
/// The application's view of the database. Queries are composed here and run in SQL, on SQLite and SQL Server alike;
/// the Infrastructure project implements it with EF Core.
/// </summary>
public interface IAppDbContext
{
    DbSet<Unit> Units { get; }
    DbSet<Category> Categories { get; }
    DbSet<Region> Regions { get; }
    DbSet<RoutingRule> RoutingRules { get; }
    DbSet<SlaPolicy> SlaPolicies { get; }
    DbSet<CalendarDay> Holidays { get; }
    DbSet<Case> Cases { get; }

    /// <summary>The complainants of every case, read-only and untracked: the person look-ups of the search start here, on their indexes.</summary>
    IQueryable<Complainant> Complainants { get; }

    /// <summary>The shadow key of a case's child rows (complainants, timeline, records) to their case.</summary>
    const string CaseKey = "CaseId";
    DbSet<EscalationRecord> Escalations { get; }
    DbSet<Domain.Partners.Partner> Partners { get; }
    DbSet<Domain.Partners.PartnerCase> PartnerCases { get; }
    DbSet<Domain.Partners.WebhookSubscription> WebhookSubscriptions { get; }
    DbSet<Stats.Rollup.DailyStats> DailyStats { get; }
    DbSet<Cases.Dispatch.CadreOpenLoad> CadreOpenLoads { get; }
    DbSet<Stats.Rollup.DailyStock> DailyStock { get; }
    DbSet<Stats.Rollup.StockSnapshotDay> StockSnapshotDays { get; }

    DatabaseFacade Database { get; }

    Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
