using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GrievanceDesk.Reports.Tests;

/// <summary>What a reader gets out of a rendered PDF: the text of each page, as PdfPig extracts it.</summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<PageText> pages) => Pages = pages;

    public IReadOnlyList<PageText> Pages { get; }

    public string All => string.Concat(Pages.Select(p => p.Text));

    public static PdfText Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return new PdfText([.. document.GetPages().Select(p => new PageText(
            p.Number, p.Width, p.Text, [.. p.GetWords().Select(w => w.Text)], [.. p.Letters]))]);
    }
}

/// <param name="Text">The page's letters in drawing order, with nothing added between them.</param>
/// <param name="Words">The letters grouped into words by the gaps between them.</param>
public sealed record PageText(int Number, double Width, string Text, IReadOnlyList<string> Words, IReadOnlyList<Letter> Letters);
