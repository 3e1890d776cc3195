using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.Common;
using GrievanceDesk.Infrastructure.Cases;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Domain.Time;
using GrievanceDesk.Infrastructure.Identity;
using GrievanceDesk.Infrastructure.Outbox;
using GrievanceDesk.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GrievanceDesk.Infrastructure.Persistence;

/// <summary>
/// The one database of the office: reference data, cases, outbox and Identity, on SQLite, SQL Server or PostgreSQL. The
/// data-protection keys live here too, so every instance reads the same cookies and antiforgery tokens.
/// </summary>
public sealed class AppDbContext : IdentityDbContext<AppUser>, IAppDbContext, IDataProtectionKeyContext
{
    // Encrypts ID numbers and computes their lookup hash; null in a context built without a key (design time).
    private readonly PersonalDataProtector? _protector;

    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options) =>
        _protector = options.FindExtension<PersonalDataOptionsExtension>()?.Protector;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<CalendarDay> Holidays => Set<CalendarDay>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Case> Cases => Set<Case>();

    public IQueryable<Complainant> Complainants => Set<Complainant>().AsNoTracking();
    public DbSet<EscalationRecord> Escalations => Set<EscalationRecord>();
    public DbSet<TrackingCounter> TrackingCounters => Set<TrackingCounter>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<Briefings.BriefingArchive> BriefingArchives => Set<Briefings.BriefingArchive>();
    public DbSet<RevealAudit> RevealAudits => Set<RevealAudit>();
    public DbSet<Domain.Partners.Partner> Partners => Set<Domain.Partners.Partner>();
    public DbSet<Domain.Partners.PartnerCase> PartnerCases => Set<Domain.Partners.PartnerCase>();
    public DbSet<Domain.Partners.WebhookSubscription> WebhookSubscriptions => Set<Domain.Partners.WebhookSubscription>();
    public DbSet<Application.Stats.Rollup.DailyStats> DailyStats => Set<Application.Stats.Rollup.DailyStats>();
    public DbSet<Application.Cases.Dispatch.CadreOpenLoad> CadreOpenLoads => Set<Application.Cases.Dispatch.CadreOpenLoad>();
    public DbSet<Application.Stats.Rollup.DailyStock> DailyStock => Set<Application.Stats.Rollup.DailyStock>();
    public DbSet<Application.Stats.Rollup.StockSnapshotDay> StockSnapshotDays => Set<Application.Stats.Rollup.StockSnapshotDay>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        Configurations.CaseConfiguration.Configure(builder, _protector);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Instants are UTC DateTime everywhere (SQLite cannot compare DateTimeOffset in SQL); read back as Kind=Utc.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        // Enums as readable strings, the same on both providers.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var referenceChanged = ReferenceDataChanged();
        int saved;
        try
        {
            saved = CounterRows.SaveWith(this, () => base.SaveChanges(acceptAllChangesOnSuccess));
        }
        catch (DbUpdateException e) when (LostRaceOnAnAggregate(e))
        {
            throw AsConcurrencyConflict(e);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && DatabaseErrors.Translate(e) is { } meaning)
        {
            throw meaning;
        }

        if (referenceChanged)
        {
            ReferenceVersionRow().ExecuteUpdate(s => s.SetProperty(v => v.Version, v => v.Version + 1));
        }

        return saved;
    }

    /// <summary>
    /// Saves; a lost unique-key race or a database that takes no writes surfaces as the application's exception
    /// (DatabaseErrors). A change of reference data bumps the version row every instance's snapshot is checked against.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var referenceChanged = ReferenceDataChanged();
        int saved;
        try
        {
            saved = await CounterRows.SaveWithAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException e) when (LostRaceOnAnAggregate(e))
        {
            throw AsConcurrencyConflict(e);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && DatabaseErrors.Translate(e) is { } meaning)
        {
            throw meaning;
        }

        if (referenceChanged)
        {
            await ReferenceVersionRow().ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// An administrator changed reference data: every instance's cached snapshot (ReferenceData.ReferenceDataCache) is
    /// stale once this save commits. The version row is bumped right after the save, in its transaction when there is one.
    /// </summary>
    private bool ReferenceDataChanged() =>
        ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Unit or Category or Region or RoutingRule or SlaPolicy or CalendarDay);

    private IQueryable<ReferenceData.ReferenceDataVersion> ReferenceVersionRow() =>
        Set<ReferenceData.ReferenceDataVersion>().Where(v => v.Id == ReferenceData.ReferenceDataVersion.SingleRowId);

    /// <summary>
    /// Two writers read one version of an aggregate and both append a child (a timeline entry numbered after the last).
    /// SQLite serialises them, but on a server database the loser's insert may meet the winner's unique (case, sequence)
    /// key before its version-checked UPDATE runs: that is the same lost race, so it is reported as one.
    /// </summary>
    private bool LostRaceOnAnAggregate(DbUpdateException e) =>
        e is not DbUpdateConcurrencyException && DatabaseErrors.Translate(e) is UniqueKeyConflictException
        && ChangeTracker.Entries<IVersioned>().Any(a => a.State == EntityState.Modified
            && ChangeTracker.Entries().Any(c => c.State == EntityState.Added && IsChildOf(c, a)));

    private static DbUpdateConcurrencyException AsConcurrencyConflict(DbUpdateException e) =>
        new("Another writer changed this record first (its unique key refused the write).", e);

    /// <summary>
    /// The application-set concurrency token: every changed aggregate (itself, or a child row added, changed or removed)
    /// gets Version + 1, and EF's UPDATE carries WHERE Version = (the value read), so a write over someone else's
    /// change fails with a concurrency conflict instead of overwriting it.
    /// </summary>
    private void BumpVersions()
    {
        SyncDueAt();
        SyncSearchTerms();
        SyncIdNumberHashes();
        RefuseAuditChanges();
        var changedRows = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not IVersioned)
            .ToList();
        foreach (var aggregate in ChangeTracker.Entries<IVersioned>().ToList())
        {
            if (aggregate.State == EntityState.Modified || (aggregate.State == EntityState.Unchanged && changedRows.Any(c => IsChildOf(c, aggregate))))
            {
                aggregate.Entity.Version++;
            }
        }
    }

    /// <summary>Keeps the stored "deadline held to now" equal to the aggregate's own answer, for indexed scans.</summary>
    private void SyncDueAt()
    {
        foreach (var entry in ChangeTracker.Entries<Case>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            {
                var due = entry.Property<DateTime?>(Configurations.CaseConfiguration.DueAtShadow);
                if (due.CurrentValue != entry.Entity.CurrentDeadlineUtc)
                {
                    due.CurrentValue = entry.Entity.CurrentDeadlineUtc;
                }
            }
        }
    }

    /// <summary>Keeps the search column equal to the bigrams of the case's subject, content and address.</summary>
    private void SyncSearchTerms()
    {
        foreach (var entry in ChangeTracker.Entries<Case>())
        {
            if (entry.State == EntityState.Added
                || (entry.State == EntityState.Modified && (entry.Property(c => c.Subject).IsModified || entry.Property(c => c.Content).IsModified || entry.Property(c => c.Address).IsModified)))
            {
                entry.Property<string>(Configurations.CaseConfiguration.SearchTermsShadow).CurrentValue =
                    Application.Cases.Search.SearchTerms.Of(entry.Entity.Subject, entry.Entity.Content, entry.Entity.Address);
            }
        }
    }

    /// <summary>Keeps each complainant's ID number lookup hash equal to the hash of its (encrypted) ID number, for the search.</summary>
    private void SyncIdNumberHashes()
    {
        foreach (var entry in ChangeTracker.Entries<Complainant>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var hash = entry.Property<string?>(IIdNumberIndex.HashProperty);
                var expected = entry.Entity.IdNumber is { Length: > 0 } idNumber
                    ? (_protector ?? throw new InvalidOperationException("No Encryption:Key is configured: an ID number cannot be saved.")).LookupHash(idNumber)
                    : null;
                if (hash.CurrentValue != expected)
                {
                    hash.CurrentValue = expected;
                }
            }
        }
    }

    /// <summary>The reveal audit is append-only (docs/product.md §7): a changed or removed row is a bug, not a save.</summary>
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<RevealAudit>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The reveal audit is append-only: its rows are never changed or removed.");
        }
    }

    private static bool IsChildOf(EntityEntry child, EntityEntry aggregate) =>
        child.Metadata.GetForeignKeys().Any(fk =>
            fk.PrincipalEntityType == aggregate.Metadata
            && Equals(child.Property(fk.Properties[0].Name).CurrentValue, aggregate.Property(fk.PrincipalKey.Properties[0].Name).CurrentValue));
}
