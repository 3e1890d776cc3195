using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>
/// Serves Noto Sans SC from this assembly's embedded resources, so the briefing never depends on the fonts installed on
/// the machine (a Linux container has no CJK font at all).
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "Noto Sans SC";

    private const string RegularFace = "NotoSansSC-Regular";
    private const string BoldFace = "NotoSansSC-Bold";

    private static readonly Dictionary<string, string> ResourceFileByFace = new()
    {
        [RegularFace] = "NotoSansSC_400Regular.ttf",
        [BoldFace] = "NotoSansSC_700Bold.ttf",
    };

    private readonly ConcurrentDictionary<string, byte[]> _fonts = new();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, FamilyName, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: italic)
            : null;

    public byte[]? GetFont(string faceName) =>
        ResourceFileByFace.TryGetValue(faceName, out var file) ? _fonts.GetOrAdd(file, ReadResource) : null;

    private static byte[] ReadResource(string fileName)
    {
        var assembly = typeof(EmbeddedFontResolver).Assembly;
        var resourceName = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var buffer = new MemoryStream((int)stream.Length);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
