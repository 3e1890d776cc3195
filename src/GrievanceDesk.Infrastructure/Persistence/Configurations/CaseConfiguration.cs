using GrievanceDesk.Application.Cases;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Domain.ReferenceData;
using GrievanceDesk.Domain.Sla;
using GrievanceDesk.Infrastructure.Cases;
using GrievanceDesk.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GrievanceDesk.Infrastructure.Persistence.Configurations;

/// <summary>
/// The case aggregate: one row per case plus one table per child collection (mapped through the aggregate's private
/// lists). <see cref="DueAtShadow"/> stores the deadline the case is held to now, kept by <see cref="AppDbContext"/> on
/// every save, so the escalation sweep and the "overdue" filter are indexed range scans.
/// </summary>
internal static class CaseConfiguration
{
    public const string DueAtShadow = "DueAtUtc";

    /// <summary>The bigrams of subject, content and address (<see cref="Application.Cases.Search.SearchTerms"/>), kept by AppDbContext; full-text indexed.</summary>
    public const string SearchTermsShadow = "SearchTerms";

    /// <summary>Called from <see cref="AppDbContext.OnModelCreating"/>: the children need the model builder.</summary>
    /// <param name="protector">Encrypts the complainants' ID numbers; null builds the same model for design time.</param>
    public static void Configure(ModelBuilder model, PersonalDataProtector? protector)
    {
        var b = model.Entity<Case>();
        b.ToTable("Cases");
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.PendingNotifications);
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.IsAwaitingDispatch);
        b.Ignore(c => c.CurrentDeadlineUtc);

        b.Property(c => c.TrackingNo).HasMaxLength(16);
        b.Property(c => c.QueryCode).HasMaxLength(8);
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.Subject).HasMaxLength(200);
        b.Property(c => c.Content).HasMaxLength(4000);
        b.Property(c => c.RespondentName).HasMaxLength(64);
        b.Property(c => c.CadreUserName).HasMaxLength(64);
        b.Property(c => c.ResolutionSummary).HasMaxLength(4000);
        b.Property(c => c.ResolvedBy).HasMaxLength(64);
        b.Property<DateTime?>(DueAtShadow).HasConversion<UtcDateTimeConverter>();
        b.Property<string>(SearchTermsShadow).HasMaxLength(Application.Cases.Search.SearchTerms.MaxLength).HasDefaultValue(string.Empty);

        b.HasIndex(c => c.TrackingNo).IsUnique();
        b.HasIndex(DueAtShadow);
        // The escalation sweep asks per SLA policy for deadlines up to a cutoff: a range scan in deadline order. Without
        // this index SQLite reads every case of the policy (closed ones too) through the foreign-key index and sorts.
        b.HasIndex(nameof(Case.SlaPolicyId), DueAtShadow);
        // A unit's open cases per cadre (auto-assign's "fewest open cases"): one seek per open status, covering.
        b.HasIndex(c => new { c.UnitId, c.Status, c.CadreUserName });
        // The lists each role opens (Application/Cases/Queries): a unit's cases newest first or by deadline.
        b.HasIndex(c => new { c.UnitId, c.RegisteredAtUtc });
        b.HasIndex(nameof(Case.UnitId), DueAtShadow);
        b.HasIndex(c => c.Status);
        b.HasIndex(c => c.RegisteredAtUtc);
        b.HasIndex(c => c.ClosedAtUtc);
        b.HasIndex(c => c.Address);
        // The statistics (Application/Stats/StatsQueries) filter each figure on one timestamp of the period: a range
        // scan of one of these indexes, so the cost grows with the period, not with the table. Each also holds the four
        // group keys and the columns its figure reads, so a year's figures never touch the table rows (covering).
        b.HasIndex(c => new { c.ReceivedAtUtc, c.UnitId, c.CategoryId, c.RegionId, c.Channel, c.IsRepeat, c.IsCollective })
            .HasDatabaseName("IX_Cases_Stats_Received");
        b.HasIndex(c => new { c.DispatchedAtUtc, c.UnitId, c.CategoryId, c.RegionId, c.Channel })
            .HasDatabaseName("IX_Cases_Stats_Dispatched");
        b.HasIndex(c => new { c.ClosedAtUtc, c.UnitId, c.CategoryId, c.RegionId, c.Channel, c.ResolvedAtUtc, c.HandleDeadlineUtc, c.AcceptDeadlineUtc })
            .HasDatabaseName("IX_Cases_Stats_Closed");
        b.HasIndex(c => new
        {
            c.AcceptDeadlineUtc,
            c.UnitId,
            c.CategoryId,
            c.RegionId,
            c.Channel,
            c.Status,
            c.ContactDeadlineUtc,
            c.AcceptedAtUtc,
            c.ResolvedAtUtc,
            c.FirstContactAtUtc,
            c.IsAnonymous,
        })
            .HasDatabaseName("IX_Cases_Stats_Response");

        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.RespondentUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Category>().WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SlaPolicy>().WithMany().HasForeignKey(c => c.SlaPolicyId).OnDelete(DeleteBehavior.Restrict);

        Children(model, b, c => c.Complainants, "_complainants", "CaseComplainants", child =>
        {
            child.Property(x => x.Name).HasMaxLength(64);
            child.Property(x => x.Phone).HasMaxLength(32);
            // Encrypted at rest (AES-GCM, a random nonce per value); found by the keyed hash beside it, kept by AppDbContext.
            child.Property(x => x.IdNumber).HasMaxLength(256).HasConversion((ValueConverter)new EncryptedIdNumberConverter(protector));
            child.Property<string?>(IIdNumberIndex.HashProperty).HasMaxLength(64);
            child.Property(x => x.Address).HasMaxLength(200);
            child.HasIndex(x => x.Phone);
            child.HasIndex(x => x.Name);
            child.HasIndex(IIdNumberIndex.HashProperty);
        });
        Children(model, b, c => c.Attachments, "_attachments", "CaseAttachments", child =>
        {
            child.Property(x => x.FileName).HasMaxLength(200);
            child.Property(x => x.ContentType).HasMaxLength(100);
            child.Property(x => x.StorageKey).HasMaxLength(200);
        });
        Children(model, b, c => c.Contacts, "_contacts", "CaseContacts", child => child.Property(x => x.Note).HasMaxLength(2000));
        Children(model, b, c => c.Feedback, "_feedback", "CaseFeedback", child =>
        {
            child.Ignore(x => x.IsWrittenNotice);
            child.Property(x => x.Content).HasMaxLength(2000);
            child.Property(x => x.ComplainantResponse).HasMaxLength(2000);
        });
        Children(model, b, c => c.Extensions, "_extensions", "CaseExtensions", child => child.Property(x => x.Reason).HasMaxLength(1000));
        Children(model, b, c => c.Pauses, "_pauses", "CasePauses", child =>
        {
            child.Ignore(x => x.IsOpen);
            child.Property(x => x.Reason).HasMaxLength(1000);
        });
        Children(model, b, c => c.ReturnVisits, "_returnVisits", "CaseReturnVisits", child =>
        {
            child.Property(x => x.Note).HasMaxLength(2000);
            child.HasIndex(x => x.AtUtc);
            // The 解决率/满意率 statistics: the visits of a period with what they count, without reading the rows.
            child.HasIndex(nameof(ReturnVisit.AtUtc), "CaseId", nameof(ReturnVisit.Satisfaction), nameof(ReturnVisit.Solved))
                .HasDatabaseName("IX_CaseReturnVisits_Stats");
        });
        Children(model, b, c => c.Returns, "_returns", "CaseReturns", child =>
        {
            child.Property(x => x.Reason).HasMaxLength(1000);
            child.HasIndex(x => x.RoutingRuleId);
        });
        Children(model, b, c => c.SupervisionOrders, "_supervisionOrders", "CaseSupervisionOrders", child =>
        {
            child.Ignore(x => x.IsLeaderSupervision);
            child.Property(x => x.Note).HasMaxLength(2000);
            child.HasIndex(x => x.IssuedAtUtc);
        });
        Children(model, b, c => c.StatsEvents, "_statsEvents", "CaseStatsEvents", child => child.HasIndex(x => x.Day));
        Children(model, b, c => c.Timeline, "_timeline", "CaseTimeline", child =>
        {
            child.Property(x => x.Action).HasMaxLength(48);
            child.Property(x => x.Summary).HasMaxLength(4000);
            child.Property(x => x.Before).HasMaxLength(1000);
            child.Property(x => x.After).HasMaxLength(1000);
            child.HasIndex("CaseId", nameof(TimelineEntry.Sequence)).IsUnique();
        });
    }

    /// <summary>A child table with a shadow CaseId, filled through the aggregate's private list.</summary>
    private static void Children<T>(
        ModelBuilder model,
        EntityTypeBuilder<Case> b,
        System.Linq.Expressions.Expression<Func<Case, IEnumerable<T>?>> navigation,
        string field,
        string table,
        Action<EntityTypeBuilder<T>> configure)
        where T : class
    {
        b.HasMany(navigation).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(navigation!).HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field);
        var child = model.Entity<T>();
        child.ToTable(table);
        configure(child);
    }
}

internal sealed class EscalationRecordConfiguration : IEntityTypeConfiguration<EscalationRecord>
{
    public void Configure(EntityTypeBuilder<EscalationRecord> b)
    {
        b.ToTable("CaseEscalations");
        b.Property(e => e.Stage).HasMaxLength(16);
        // Exactly once per case, step and deadline, however many sweeps run at once.
        b.HasIndex(e => new { e.CaseId, e.Step, e.DeadlineUtc }).IsUnique();
        b.HasIndex(e => e.AtUtc);
        b.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackingCounterConfiguration : IEntityTypeConfiguration<TrackingCounter>
{
    public void Configure(EntityTypeBuilder<TrackingCounter> b)
    {
        b.ToTable("TrackingCounters");
        b.HasKey(c => c.Day);
    }
}

internal sealed class AttachmentBlobConfiguration : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> b)
    {
        b.ToTable("AttachmentBlobs");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(32);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyKeys");
        b.HasKey(r => r.Key);
        b.Property(r => r.Key).HasMaxLength(128);
    }
}
