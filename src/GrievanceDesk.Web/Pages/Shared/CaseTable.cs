using GrievanceDesk.Application.Cases;

namespace GrievanceDesk.Web.Pages.Shared;

/// <summary>A list of cases as the pages show it (_CaseTable.cshtml): deadline, time left, warning and overdue marks.</summary>
public sealed record CaseTable(
    IReadOnlyList<CaseListItemDto> Items,
    DateTimeOffset Now,
    IReadOnlyDictionary<int, string> CategoryNames,
    bool ShowUnit = true,
    string Empty = "没有符合条件的案件。");
