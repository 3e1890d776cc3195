using System.Text;
using System.Text.RegularExpressions;

namespace GrievanceDesk.Reports.Layout;

/// <summary>
/// Breaks text into lines that fit a width the way Chinese typesetting expects: a line may break between any two CJK
/// characters, Latin words and numbers stay whole, closing punctuation never starts a line (避头) and opening
/// punctuation never ends one (避尾). Only a word wider than the whole line is cut between its letters.
/// </summary>
internal static partial class LineBreaker
{
    private const string OpeningPunctuation = "（《「『【〔〈“‘([{";
    private const string ClosingPunctuation = "，。、；：？！）》」』】〕〉”’％…,.;:?!)]}%";

    public static List<string> Wrap(string text, double maxWidth, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            WrapParagraph(paragraph, maxWidth, measure, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, double maxWidth, Func<string, double> measure, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0d;
        var spaceBefore = false;

        void Place(string piece, double width)
        {
            var gap = spaceBefore && line.Length > 0 ? measure(" ") : 0;
            if (line.Length > 0 && lineWidth + gap + width > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
                lineWidth = gap = 0;
            }

            if (gap > 0)
            {
                line.Append(' ');
            }

            line.Append(piece);
            lineWidth += gap + width;
            spaceBefore = false;
        }

        foreach (var segment in Segments(paragraph))
        {
            if (string.IsNullOrWhiteSpace(segment))
            {
                spaceBefore = true;
                continue;
            }

            var width = measure(segment);
            if (width <= maxWidth)
            {
                Place(segment, width);
                continue;
            }

            // Wider than a whole line (a long URL or tracking number): break after its hyphens or slashes if that is
            // enough, else between letters.
            var pieces = AfterHyphens().Split(segment).Where(p => p.Length > 0).ToList();
            if (pieces.Count == 1 || pieces.Any(p => measure(p) > maxWidth))
            {
                pieces = [.. segment.EnumerateRunes().Select(r => r.ToString())];
            }

            foreach (var piece in pieces)
            {
                Place(piece, measure(piece));
            }
        }

        lines.Add(line.ToString());
    }

    /// <summary>Unbreakable pieces of text: a CJK character, a Latin word, or a run of spaces, with punctuation glued on.</summary>
    private static List<string> Segments(string text)
    {
        var segments = new List<string>();
        var openingHeld = new StringBuilder();
        var wordOpen = false;

        foreach (var rune in text.EnumerateRunes())
        {
            var s = rune.ToString();
            if (Rune.IsWhiteSpace(rune))
            {
                FlushOpening();
                if (segments.Count > 0 && string.IsNullOrWhiteSpace(segments[^1]))
                {
                    segments[^1] += s;
                }
                else
                {
                    segments.Add(s);
                }

                wordOpen = false;
            }
            else if (ClosingPunctuation.Contains(s, StringComparison.Ordinal) && openingHeld.Length == 0
                     && segments.Count > 0 && !string.IsNullOrWhiteSpace(segments[^1]))
            {
                segments[^1] += s;
                wordOpen = wordOpen && rune.IsAscii;
            }
            else if (OpeningPunctuation.Contains(s, StringComparison.Ordinal))
            {
                openingHeld.Append(s);
                wordOpen = false;
            }
            else if (IsCjk(rune))
            {
                segments.Add(openingHeld + s);
                openingHeld.Clear();
                wordOpen = false;
            }
            else if (wordOpen && openingHeld.Length == 0)
            {
                segments[^1] += s;
            }
            else
            {
                segments.Add(openingHeld + s);
                openingHeld.Clear();
                wordOpen = true;
            }
        }

        FlushOpening();
        return segments;

        void FlushOpening()
        {
            if (openingHeld.Length > 0)
            {
                segments.Add(openingHeld.ToString());
                openingHeld.Clear();
            }
        }
    }

    [GeneratedRegex("(?<=[-/])")]
    private static partial Regex AfterHyphens();

    /// <summary>Characters between which a line may break: ideographs, kana, hangul, CJK and full-width punctuation.</summary>
    private static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x2E80 and <= 0x9FFF => true, // radicals, CJK symbols and punctuation, kana, ideographs and extension A
        >= 0xAC00 and <= 0xD7AF => true, // hangul syllables
        >= 0xF900 and <= 0xFAFF => true, // compatibility ideographs
        >= 0xFE30 and <= 0xFE4F => true, // CJK compatibility forms
        >= 0xFF00 and <= 0xFFEF => true, // full-width forms
        >= 0x20000 and <= 0x3FFFF => true, // ideograph extensions B and later
        _ => false,
    };
}
