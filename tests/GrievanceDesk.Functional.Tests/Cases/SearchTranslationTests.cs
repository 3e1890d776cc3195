using GrievanceDesk.Application.Cases.Search;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// The full-text search of each server provider translates whole to its own SQL (SQL Server has no engine here, so
/// its SQL is generated offline; PostgreSQL's also runs for real in the functional suite on PostgreSQL): a phrase of
/// bigrams, all phrases required, a lone character as a prefix, over the search column's own full-text index.
/// </summary>
public sealed class SearchTranslationTests
{
    private const string OfflineSqlServer = "Server=offline.invalid;Database=GrievanceDesk;User Id=sa;Password=x;TrustServerCertificate=True";
    private const string OfflinePostgreSql = "Host=offline.invalid;Database=grievancedesk;Username=gd;Password=x";

    [Fact]
    public void Sql_server_asks_its_full_text_index_with_contains()
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, OfflineSqlServer));

        var sql = new SqlServerCaseTextSearch(db).Matching(SearchTerms.Query("电梯故障 楼")).ToQueryString();

        sql.ShouldContain("CONTAINS([c].[SearchTerms]");
        sql.ShouldContain("\"电梯 梯故 故障\" AND \"楼*\"");
    }

    [Fact]
    public void Postgre_sql_asks_its_text_search_vector_with_a_phrase_query()
    {
        using var db = new AppDbContext(DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, OfflinePostgreSql));

        var sql = new PostgreSqlCaseTextSearch(db).Matching(SearchTerms.Query("电梯故障 楼")).ToQueryString();

        sql.ShouldContain("to_tsvector('simple', c.\"SearchTerms\")");
        sql.ShouldContain("@@ to_tsquery('simple'");
        sql.ShouldContain("('电梯' <-> '梯故' <-> '故障') & ('楼':*)");
    }
}
