namespace GrievanceDesk.Domain.Cases;

/// <summary>How alike two complaint texts are, for finding repeats (重复件) at intake.</summary>
public static class ContentSimilarity
{
    /// <summary>
    /// Jaccard similarity (0..1) of the two texts' character bigrams, ignoring punctuation and whitespace and letter
    /// case. Chinese has no spaces between words, and bigrams catch most two-character words. A text of one
    /// character counts as that character; a text with none scores 0 against anything.
    /// </summary>
    public static double Score(string? a, string? b)
    {
        var left = Bigrams(a);
        var right = Bigrams(b);
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }

    private static HashSet<string> Bigrams(string? text)
    {
        var chars = (text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        if (chars.Length == 1)
        {
            return [chars[0].ToString()];
        }

        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            grams.Add(new string(chars, i, 2));
        }

        return grams;
    }
}
