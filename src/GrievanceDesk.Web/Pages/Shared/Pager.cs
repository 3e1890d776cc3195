using Microsoft.AspNetCore.Http;

namespace GrievanceDesk.Web.Pages.Shared;

/// <summary>
/// Previous/next links that keep the page's query string (its filters) and change only "p" (the page number; "page" is
/// the route value of Razor Pages). A list that stopped counting at 10,000 says "10,000+" and pages through those.
/// </summary>
public sealed record Pager(int Total, int Page, int PageSize, HttpRequest Request, string TotalText, bool TotalIsLowerBound)
{
    public static Pager For<T>(GrievanceDesk.Application.Cases.PagedResult<T> result, HttpRequest request) =>
        new(result.Total, result.Page, result.PageSize, request, result.TotalText, result.TotalIsLowerBound);

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The page count as shown: "500+" when the total is a lower bound.</summary>
    public string PagesText => Pages.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + (TotalIsLowerBound ? "+" : string.Empty);

    public string Link(int page)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, "p", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Request.Path + QueryString.Create(query).ToUriComponent();
    }
}
