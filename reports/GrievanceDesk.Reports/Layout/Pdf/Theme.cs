using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>A font at a size, with the line height and baseline position used to set it line by line.</summary>
internal sealed record TextStyle(XFont Font, double LineHeight, double Baseline)
{
    // Unicode encoding writes a ToUnicode map, so text copies out of the PDF as the characters written;
    // subsetting keeps a 10 MB CJK font down to the few hundred glyphs a briefing uses.
    private static readonly XPdfFontOptions Embedding = new(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset);

    public static TextStyle Create(double size, bool bold = false)
    {
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        var font = new XFont(EmbeddedFontResolver.FamilyName, size, style, Embedding);
        var family = font.FontFamily;
        var em = (double)family.GetEmHeight(style);
        var ascent = size * family.GetCellAscent(style) / em;
        var descent = size * family.GetCellDescent(style) / em;
        var lineHeight = font.GetHeight();
        return new TextStyle(font, lineHeight, ((lineHeight - ascent - descent) / 2) + ascent);
    }
}

/// <summary>The briefing's type scale, colours and rules: one place to change how every report looks.</summary>
internal sealed class Theme
{
    public TextStyle Title { get; } = TextStyle.Create(20, bold: true);
    public TextStyle Subtitle { get; } = TextStyle.Create(10.5);
    public TextStyle Heading1 { get; } = TextStyle.Create(13, bold: true);
    public TextStyle Heading2 { get; } = TextStyle.Create(11, bold: true);
    public TextStyle Body { get; } = TextStyle.Create(10);
    public TextStyle Note { get; } = TextStyle.Create(8.5);
    public TextStyle TableHeader { get; } = TextStyle.Create(9, bold: true);
    public TextStyle TableCell { get; } = TextStyle.Create(9);
    public TextStyle CardLabel { get; } = TextStyle.Create(9);
    public TextStyle CardValue { get; } = TextStyle.Create(17, bold: true);
    public TextStyle CardSmall { get; } = TextStyle.Create(7.5);
    public TextStyle ChartTitle { get; } = TextStyle.Create(9.5, bold: true);
    public TextStyle ChartLabel { get; } = TextStyle.Create(8);
    public TextStyle PageFurniture { get; } = TextStyle.Create(8);

    public XBrush Ink { get; } = new XSolidBrush(XColor.FromArgb(0x1F, 0x29, 0x33));
    public XBrush Muted { get; } = new XSolidBrush(XColor.FromArgb(0x5F, 0x6B, 0x7A));
    public XBrush Accent { get; } = new XSolidBrush(XColor.FromArgb(0x1F, 0x4E, 0x79));

    // Official bulletins carry a red title and rule (红头); 红榜 rows share the red tint.
    public XBrush TitleRed { get; } = new XSolidBrush(XColor.FromArgb(0xB7, 0x1C, 0x1C));
    public XPen TitleRule { get; } = new(XColor.FromArgb(0xB7, 0x1C, 0x1C), 1.5);

    public XBrush HeaderFill { get; } = new XSolidBrush(XColor.FromArgb(0xE3, 0xEA, 0xF3));
    public XBrush StripeFill { get; } = new XSolidBrush(XColor.FromArgb(0xF7, 0xF9, 0xFC));
    public XBrush GoodFill { get; } = new XSolidBrush(XColor.FromArgb(0xFD, 0xEC, 0xEA));
    public XBrush BadFill { get; } = new XSolidBrush(XColor.FromArgb(0xE4, 0xE6, 0xEA));
    public XBrush CardFill { get; } = new XSolidBrush(XColor.FromArgb(0xF3, 0xF6, 0xFA));

    public XPen Rule { get; } = new(XColor.FromArgb(0xCB, 0xD2, 0xD9), 0.5);
    public XPen Axis { get; } = new(XColor.FromArgb(0x5F, 0x6B, 0x7A), 0.75);
    public XPen Grid { get; } = new(XColor.FromArgb(0xE1, 0xE5, 0xEA), 0.5);

    private static readonly XColor[] SeriesColors =
    [
        XColor.FromArgb(0x1F, 0x4E, 0x79),
        XColor.FromArgb(0x2E, 0x8B, 0x57),
        XColor.FromArgb(0xC0, 0x39, 0x2B),
        XColor.FromArgb(0xE6, 0x7E, 0x22),
        XColor.FromArgb(0x6C, 0x5B, 0x7B),
    ];

    public XColor SeriesColor(int index) => SeriesColors[index % SeriesColors.Length];
}
