using Microsoft.AspNetCore.Http;

namespace GrievanceDesk.Web.Pages.Shared;

/// <summary>Previous/next links that keep the page's query string (its filters) and change only "p" (the page number; "page" is the route value of Razor Pages).</summary>
public sealed record Pager(int Total, int Page, int PageSize, HttpRequest Request)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string Link(int page)
    {
        var query = Request.Query.Where(q => !string.Equals(q.Key, "p", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Request.Path + QueryString.Create(query).ToUriComponent();
    }
}
