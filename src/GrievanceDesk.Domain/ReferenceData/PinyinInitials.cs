using System.Text;

namespace GrievanceDesk.Domain.ReferenceData;

/// <summary>
/// 拼音首字母 of a name, for type-ahead at intake ("wy" finds 物业管理). No pinyin table is shipped: the 3,755 level-1
/// hanzi of GB2312 (区 16–55) are ordered by pinyin, so a character's first letter follows from where its GB2312 code
/// falls. Level-2 hanzi are ordered by radical and have no initial here; ASCII letters and digits are kept as they are.
/// </summary>
public static class PinyinInitials
{
    // The first GB2312 code (high byte × 256 + low byte) of each initial among the level-1 hanzi; I, U and V begin no syllable.
    private static readonly (int From, char Letter)[] Starts =
    [
        (0xB0A1, 'a'), (0xB0C5, 'b'), (0xB2C1, 'c'), (0xB4EE, 'd'), (0xB6EA, 'e'), (0xB7A2, 'f'), (0xB8C1, 'g'),
        (0xB9FE, 'h'), (0xBBF7, 'j'), (0xBFA6, 'k'), (0xC0AC, 'l'), (0xC2E8, 'm'), (0xC4C3, 'n'), (0xC5B6, 'o'),
        (0xC5BE, 'p'), (0xC6DA, 'q'), (0xC8BB, 'r'), (0xC8F6, 's'), (0xCBFA, 't'), (0xCDDA, 'w'), (0xCEF4, 'x'),
        (0xD1B9, 'y'), (0xD4D1, 'z'),
    ];

    private const int LastLevelOne = 0xD7F9;

    private static readonly Lazy<Encoding> Gb2312 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    });

    /// <summary>The initials of <paramref name="text"/>, lower case: 物业管理 → wygl; 12345热线 → 12345rx.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                result.Append(char.ToLowerInvariant(ch));
                continue;
            }

            if (ch < 0x4E00 || ch > 0x9FFF)
            {
                continue; // punctuation, spaces, 、（）
            }

            if (Gb2312.Value.GetBytes([ch], bytes) == 2 && Letter((bytes[0] << 8) | bytes[1]) is { } letter)
            {
                result.Append(letter);
            }
        }

        return result.ToString();
    }

    private static char? Letter(int code)
    {
        if (code < Starts[0].From || code > LastLevelOne)
        {
            return null;
        }

        var letter = Starts[0].Letter;
        foreach (var (from, l) in Starts)
        {
            if (code < from)
            {
                break;
            }

            letter = l;
        }

        return letter;
    }
}
