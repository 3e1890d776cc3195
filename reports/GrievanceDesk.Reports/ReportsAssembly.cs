namespace GrievanceDesk.Reports;
/// <summary>Marker for assembly scanning.</summary>
public static class ReportsAssembly;
