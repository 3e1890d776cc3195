using PdfSharp;
using PdfSharp.Fonts;

namespace GrievanceDesk.Reports.Layout.Pdf;

/// <summary>
/// The process-wide PDFsharp settings this project needs. PDFsharp accepts its font resolver only once per process and
/// before any font is used, while renders run in parallel (tests, the job and a download at once): so one thread sets
/// it, under a lock, and every later call is a no-op. Hosts may call <see cref="EnsureInitialized"/> at start-up; the
/// renderers call it too.
/// </summary>
public static class PdfSharpSetup
{
    private static readonly Lock Gate = new();
    private static volatile bool _initialized;

    public static void EnsureInitialized()
    {
        if (_initialized)
        {
            return;
        }

        lock (Gate)
        {
            if (_initialized)
            {
                return;
            }

            // PDFsharp 6.5 is AGPL-3.0-only unless licensed otherwise; GrievanceDesk is AGPL-3.0-or-later (docs/product.md §12).
            PdfSharpLicense.SetAgplLicense();

            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                    break;
                case EmbeddedFontResolver:
                    break;
                default:
                    throw new InvalidOperationException(
                        "Another PDFsharp font resolver is registered in this process; the briefing needs its embedded CJK font.");
            }

            _initialized = true;
        }
    }
}
