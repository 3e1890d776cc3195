using GrievanceDesk.Application.Cases.Search;
using GrievanceDesk.Domain.Cases;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Infrastructure.Search;

/// <summary>SQLite: the FTS5 table over the bigram column; its rowid is the case id, so the newest matches are read first.</summary>
public sealed class SqliteCaseTextSearch(AppDbContext db) : ICaseTextSearch
{
    public IQueryable<CaseTextHit> Matching(IReadOnlyList<SearchPhrase> phrases)
    {
        // Each phrase quoted (the terms' own quotes doubled), all required; a lone character as a prefix.
        var match = string.Join(" AND ", phrases.Select(p => Quote(string.Join(' ', p.Terms)) + (p.IsPrefix ? "*" : string.Empty)));
        return db.Database.SqlQueryRaw<CaseTextHit>(
            $$"""SELECT rowid AS "CaseId" FROM "{{CaseSearchSql.FtsTable}}" WHERE "{{CaseSearchSql.FtsTable}}" MATCH {0}""",
            phrases.Count == 0 ? "\"\"" : match);
    }

    private static string Quote(string phrase) => "\"" + phrase.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>SQL Server: CONTAINS over the full-text index of the bigram column.</summary>
public sealed class SqlServerCaseTextSearch(AppDbContext db) : ICaseTextSearch
{
    public IQueryable<CaseTextHit> Matching(IReadOnlyList<SearchPhrase> phrases)
    {
        var condition = string.Join(" AND ", phrases.Select(p =>
            "\"" + string.Join(' ', p.Terms).Replace("\"", string.Empty, StringComparison.Ordinal) + (p.IsPrefix ? "*" : string.Empty) + "\""));
        if (phrases.Count == 0)
        {
            return db.Cases.Where(_ => false).Select(c => new CaseTextHit { CaseId = c.Id });
        }

        return db.Cases
            .Where(c => EF.Functions.Contains(EF.Property<string>(c, CaseConfiguration.SearchTermsShadow), condition))
            .Select(c => new CaseTextHit { CaseId = c.Id });
    }
}

/// <summary>
/// PostgreSQL: its own full-text search over the bigram column. A GIN index on <c>to_tsvector('simple', SearchTerms)</c>
/// (the simple configuration: no stemming, no stop words, so each bigram is one lexeme with its position), asked with a
/// phrase query per phrase (电梯故障 → '电梯' &lt;-&gt; '梯故' &lt;-&gt; '故障'), all required; a lone character as a prefix.
/// </summary>
public sealed class PostgreSqlCaseTextSearch(AppDbContext db) : ICaseTextSearch
{
    public IQueryable<CaseTextHit> Matching(IReadOnlyList<SearchPhrase> phrases)
    {
        if (phrases.Count == 0)
        {
            return db.Cases.Where(_ => false).Select(c => new CaseTextHit { CaseId = c.Id });
        }

        var query = string.Join(" & ", phrases.Select(p =>
            "(" + string.Join(" <-> ", p.Terms.Select(Lexeme)) + (p.IsPrefix ? ":*" : string.Empty) + ")"));
        return db.Cases
            .Where(c => EF.Functions.ToTsVector(CaseSearchSql.PostgreSqlConfiguration, EF.Property<string>(c, CaseConfiguration.SearchTermsShadow))
                .Matches(EF.Functions.ToTsQuery(CaseSearchSql.PostgreSqlConfiguration, query)))
            .Select(c => new CaseTextHit { CaseId = c.Id });
    }

    /// <summary>A term as a quoted lexeme (its own quotes doubled), so nothing in it is read as an operator.</summary>
    private static string Lexeme(string term) => "'" + term.Replace("'", "''", StringComparison.Ordinal) + "'";
}
