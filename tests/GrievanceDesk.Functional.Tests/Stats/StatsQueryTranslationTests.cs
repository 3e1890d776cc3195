using System.Reflection;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Stats;

/// <summary>
/// Every statistics query (every public method of <see cref="StatsQueries"/> that returns an <see cref="IQueryable{T}"/>,
/// found by reflection, so a new one cannot be forgotten) translates to SQL whole on both providers: EF Core refuses
/// to evaluate a non-final part of a query on the client, so a query that would count rows in memory fails here.
/// SQL Server has no engine here: its SQL is generated offline (ToQueryString). SQLite's runs, on an empty database.
/// </summary>
public sealed class StatsQueryTranslationTests
{
    private const string OfflineSqlServer = "Server=offline.invalid;Database=GrievanceDesk;User Id=sa;Password=x;TrustServerCertificate=True";

    private static readonly StatsPeriod Week = new(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), new DateTime(2026, 3, 12, 2, 0, 0, DateTimeKind.Utc));

    /// <summary>The tables a statistic reads: the cases, or the daily rollup and stock snapshots kept from them.</summary>
    private static readonly string[] ReadTables = ["Cases", "DailyStats", "DailyStock", "StockSnapshotDays"];

    public static TheoryData<string> Queries() => [.. QueryMethods().Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Queries))]
    public void Translates_whole_to_sql_server(string method)
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, OfflineSqlServer));

        foreach (var (label, query) in Invocations(db, method))
        {
            var sql = query.ToQueryString();
            sql.ShouldContain("SELECT", customMessage: label);
            ReadTables.ShouldContain(t => sql.Contains($"[{t}]", StringComparison.Ordinal), customMessage: label);
            if (IsGrouped(method))
            {
                sql.ShouldContain("GROUP BY", customMessage: label);
                (sql.Contains("COUNT(", StringComparison.Ordinal) || sql.Contains("SUM(", StringComparison.Ordinal)).ShouldBeTrue(label);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Translates_whole_to_sqlite_and_runs(string method)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new AppDbContext((DbContextOptions<AppDbContext>)new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connection, o => o.MigrationsAssembly(DbContextOptionsFactory.SqliteMigrationsAssembly)).Options);
        await db.Database.MigrateAsync();

        foreach (var (label, query) in Invocations(db, method))
        {
            var sql = query.ToQueryString();
            ReadTables.ShouldContain(t => sql.Contains($"\"{t}\"", StringComparison.Ordinal), customMessage: label);
            if (IsGrouped(method))
            {
                sql.ShouldContain("GROUP BY", customMessage: label);
            }

            // Runs: the SQL is valid SQLite, and nothing is left for the client but building the result rows.
            var rows = 0;
            foreach (var _ in query)
            {
                rows++;
            }

            rows.ShouldBe(0, label);
        }
    }

    [Fact]
    public void Every_figure_of_section_5_has_its_query()
    {
        string[] figures = ["Flows", "SnapshotStock", "StockByUnit"];
        figures.ShouldBeSubsetOf(QueryMethods().Select(m => m.Name));
    }

    private static IEnumerable<MethodInfo> QueryMethods() =>
        typeof(StatsQueries).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IQueryable<>))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>
    /// The grouped figures (one row per group); the others are the briefing's bounded lists, and the stock snapshot,
    /// whose rows are one per group already.
    /// </summary>
    private static bool IsGrouped(string method) =>
        (typeof(StatsQueries).GetMethod(method)!.GetParameters().Any(p => p.ParameterType == typeof(StatsDimension)) && method != nameof(StatsQueries.SnapshotStock))
        || method.StartsWith("Busy", StringComparison.Ordinal);

    /// <summary>The method called for the office and for one unit's staff, with every dimension it takes.</summary>
    private static IEnumerable<(string Label, IQueryable Query)> Invocations(AppDbContext db, string method)
    {
        var info = typeof(StatsQueries).GetMethod(method)!;
        var dimensions = info.GetParameters().Any(p => p.ParameterType == typeof(StatsDimension)) ? Enum.GetValues<StatsDimension>() : [StatsDimension.Unit];
        foreach (var unitScope in new int?[] { null, 2 })
        {
            var queries = new StatsQueries(db, unitScope);
            foreach (var dimension in dimensions)
            {
                var arguments = info.GetParameters().Select(object (p) => p.ParameterType switch
                {
                    var t when t == typeof(StatsPeriod) => Week,
                    var t when t == typeof(StatsDimension) => dimension,
                    var t when t == typeof(int) => 3,
                    var t when t == typeof(DateTime) => Week.AsOfUtc,
                    var t => throw new InvalidOperationException($"Give {method} a sample {t.Name} here."),
                }).ToArray();
                yield return ($"{method}({dimension}, unit {unitScope?.ToString() ?? "office"})", (IQueryable)info.Invoke(queries, arguments)!);
            }
        }
    }
}
