namespace GrievanceDesk.Infrastructure.Search;

/// <summary>
/// The hand-written part of the search schema, called in one line from each provider's migration. The search column
/// itself (Cases.SearchTerms, the bigrams of <see cref="Application.Cases.Search.SearchTerms"/>) is in the EF model;
/// what EF cannot express is the full-text index over it.
/// </summary>
public static class CaseSearchSql
{
    public const string FtsTable = "CasesSearch";

    /// <summary>
    /// SQLite: an FTS5 index over Cases.SearchTerms with external content (the text stays in Cases only), split on
    /// spaces and punctuation (unicode61), so each bigram is one token; triggers keep it in step with the column.
    /// </summary>
    public static readonly string[] SqliteUp =
    [
        $"""CREATE VIRTUAL TABLE "{FtsTable}" USING fts5("SearchTerms", content='Cases', content_rowid='Id', tokenize='unicode61 remove_diacritics 0')""",
        $"""
        CREATE TRIGGER "Cases_Search_Insert" AFTER INSERT ON "Cases" BEGIN
          INSERT INTO "{FtsTable}"(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
        END
        """,
        $"""
        CREATE TRIGGER "Cases_Search_Delete" AFTER DELETE ON "Cases" BEGIN
          INSERT INTO "{FtsTable}"("{FtsTable}", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
        END
        """,
        $"""
        CREATE TRIGGER "Cases_Search_Update" AFTER UPDATE OF "SearchTerms" ON "Cases" BEGIN
          INSERT INTO "{FtsTable}"("{FtsTable}", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
          INSERT INTO "{FtsTable}"(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
        END
        """,
        // Cases already there (an existing database): index what they hold.
        $"""INSERT INTO "{FtsTable}"("{FtsTable}") VALUES ('rebuild')""",
    ];

    public static readonly string[] SqliteDown =
    [
        """DROP TRIGGER IF EXISTS "Cases_Search_Update" """,
        """DROP TRIGGER IF EXISTS "Cases_Search_Delete" """,
        """DROP TRIGGER IF EXISTS "Cases_Search_Insert" """,
        $"""DROP TABLE IF EXISTS "{FtsTable}" """,
    ];

    /// <summary>
    /// SQL Server: a full-text index over Cases.SearchTerms in the neutral language (LANGUAGE 0: words split on spaces
    /// and punctuation, no stemming), keyed by the primary key, tracking changes automatically. Full-text DDL cannot
    /// run inside a transaction: the migration runs these with suppressTransaction.
    /// </summary>
    public static readonly string[] SqlServerUp =
    [
        "IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'GrievanceDeskSearch') CREATE FULLTEXT CATALOG GrievanceDeskSearch",
        "CREATE FULLTEXT INDEX ON [Cases]([SearchTerms] LANGUAGE 0) KEY INDEX [PK_Cases] ON GrievanceDeskSearch WITH CHANGE_TRACKING AUTO, STOPLIST OFF",
    ];

    public static readonly string[] SqlServerDown =
    [
        "IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Cases')) DROP FULLTEXT INDEX ON [Cases]",
        "IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'GrievanceDeskSearch') DROP FULLTEXT CATALOG GrievanceDeskSearch",
    ];

    /// <summary>PostgreSQL's text search configuration for the bigram column: no stemming, no stop words.</summary>
    public const string PostgreSqlConfiguration = "simple";

    /// <summary>
    /// PostgreSQL: a GIN index over the column's text search vector, the same expression the search asks
    /// (<c>to_tsvector('simple', "SearchTerms")</c>), so a phrase query is answered from the index.
    /// </summary>
    public static readonly string[] PostgreSqlUp =
    [
        $"""CREATE INDEX "IX_Cases_SearchTerms_FullText" ON "Cases" USING GIN (to_tsvector('{PostgreSqlConfiguration}'::regconfig, "SearchTerms"))""",
    ];

    public static readonly string[] PostgreSqlDown =
    [
        """DROP INDEX IF EXISTS "IX_Cases_SearchTerms_FullText" """,
    ];

    /// <summary>Runs the statements in a migration; <paramref name="suppressTransaction"/> for SQL Server's full-text DDL.</summary>
    public static void Apply(Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder migration, IEnumerable<string> statements, bool suppressTransaction = false)
    {
        foreach (var statement in statements)
        {
            migration.Sql(statement, suppressTransaction);
        }
    }
}
