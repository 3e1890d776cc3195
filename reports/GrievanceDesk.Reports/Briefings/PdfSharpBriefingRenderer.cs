using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Reports.Layout.Pdf;

namespace GrievanceDesk.Reports.Briefings;

/// <summary>The weekly briefing as a PDF, laid out by PDFsharp with the embedded Noto Sans SC. Stateless and thread-safe.</summary>
public sealed class PdfSharpBriefingRenderer : IBriefingRenderer
{
    public byte[] Render(WeeklyBriefing briefing)
    {
        using var document = new PdfSharpReportDocument(WeeklyBriefingLayout.Setup(briefing));
        WeeklyBriefingLayout.Compose(briefing, document);
        return document.Build();
    }
}
