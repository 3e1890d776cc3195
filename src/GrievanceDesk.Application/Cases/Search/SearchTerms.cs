using System.Globalization;
using System.Text;

namespace GrievanceDesk.Application.Cases.Search;

/// <summary>
/// The words a case is found by, as the full-text indexes see them. Chinese has no spaces and its words are often two
/// characters (电梯, 欠薪), so each run of Chinese characters becomes its overlapping character bigrams (电梯故障 →
/// 电梯 梯故 故障), and each run of letters or digits one lower-case word. The application writes these terms into the
/// case's search column; SQLite FTS5 and SQL Server full-text index that column and split it on spaces only.
/// A query is turned into the same bigrams and asked as a phrase: consecutive bigrams, that is the substring.
/// </summary>
public static class SearchTerms
{
    /// <summary>The longest search column kept (subject + content + address of a long letter).</summary>
    public const int MaxLength = 16_000;

    /// <summary>The terms of a case's subject, content and address, space-separated.</summary>
    public static string Of(params string?[] texts)
    {
        var terms = new StringBuilder();
        foreach (var text in texts)
        {
            foreach (var run in Runs(text))
            {
                foreach (var term in TermsOf(run))
                {
                    if (terms.Length + term.Length + 1 > MaxLength)
                    {
                        return terms.ToString();
                    }

                    if (terms.Length > 0)
                    {
                        terms.Append(' ');
                    }

                    terms.Append(term);
                }
            }
        }

        return terms.ToString();
    }

    /// <summary>
    /// What a search text asks for: one phrase per run (the bigrams of a Chinese run in order, or one word), all of
    /// them required. A single Chinese character is asked as a prefix of the bigrams it starts. Empty when the text
    /// holds nothing indexable (punctuation only).
    /// </summary>
    public static IReadOnlyList<SearchPhrase> Query(string text) =>
        Runs(text).Select(run => new SearchPhrase(TermsOf(run).ToList(), IsPrefix: run.IsChinese && run.Text.Length == 1)).ToList();

    private static IEnumerable<string> TermsOf(Run run)
    {
        if (!run.IsChinese)
        {
            yield return run.Text.ToLowerInvariant();
            yield break;
        }

        if (run.Text.Length == 1)
        {
            yield return run.Text;
            yield break;
        }

        for (var i = 0; i + 1 < run.Text.Length; i++)
        {
            yield return run.Text.Substring(i, 2);
        }
    }

    private readonly record struct Run(string Text, bool IsChinese);

    private static IEnumerable<Run> Runs(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        var chinese = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var kind = i < text.Length ? KindOf(text[i]) : CharKind.Other;
            var isChinese = kind == CharKind.Chinese;
            if (start >= 0 && (kind == CharKind.Other || isChinese != chinese))
            {
                yield return new Run(text[start..i], chinese);
                start = -1;
            }

            if (start < 0 && kind != CharKind.Other)
            {
                start = i;
                chinese = isChinese;
            }
        }
    }

    private enum CharKind
    {
        Other,
        Chinese,
        Word,
    }

    private static CharKind KindOf(char c)
    {
        if (c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF')
        {
            return CharKind.Chinese; // CJK unified ideographs (and extension A, compatibility ideographs)
        }

        return char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherLetter ? CharKind.Word : CharKind.Other;
    }
}

/// <summary>One required phrase of a search: its terms in order; <see cref="IsPrefix"/> for a lone Chinese character.</summary>
public sealed record SearchPhrase(IReadOnlyList<string> Terms, bool IsPrefix);

/// <summary>
/// A case whose text matches a search. A property set by an initializer, not a constructor, so that a query joining
/// on <see cref="CaseId"/> translates to SQL on every provider.
/// </summary>
public sealed record CaseTextHit
{
    public long CaseId { get; init; }
}

/// <summary>
/// The full-text index over the cases' search column, one implementation per database provider (SQLite FTS5, SQL
/// Server full-text; a PostgreSQL one goes beside them). Composable: the handler joins it with the case filters.
/// </summary>
public interface ICaseTextSearch
{
    /// <summary>The cases matching every phrase; empty phrases match nothing.</summary>
    IQueryable<CaseTextHit> Matching(IReadOnlyList<SearchPhrase> phrases);
}
