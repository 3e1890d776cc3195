namespace GrievanceDesk.Web.Infrastructure;

/// <summary>Stable problem `type` URIs: one per rule slug, so clients can branch on the rule that refused them.</summary>
public static class ProblemTypes
{
    public const string Base = "https://grievancedesk.example/problems/";

    public static string For(string slug) => Base + slug;

    public static readonly string Validation = For("validation");
    public static readonly string NotFound = For("not-found");
    public static readonly string Forbidden = For("forbidden");
    public static readonly string Unauthorized = For("unauthorized");
    public static readonly string ConcurrencyConflict = For("concurrency-conflict");
    public static readonly string BadRequest = For("bad-request");
    public static readonly string RateLimited = For("rate-limited");
}
