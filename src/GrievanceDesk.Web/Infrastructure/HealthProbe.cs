namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// <c>dotnet GrievanceDesk.Web.dll --probe http://localhost:8080/health/ready</c>: asks a running instance whether it is
/// ready and exits 0 (HTTP 2xx) or 1 (anything else, or no answer within 5 seconds). The container's health check, so
/// the runtime image needs no curl or wget.
/// </summary>
public static class HealthProbe
{
    public const string Option = "--probe";

    public static bool Requested(string[] args, out string url)
    {
        var at = Array.IndexOf(args, Option);
        url = at >= 0 && at + 1 < args.Length ? args[at + 1] : string.Empty;
        return at >= 0;
    }

    public static async Task<int> RunAsync(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"{Option} needs an absolute http(s) URL, e.g. {Option} http://localhost:8080/health/ready");
            return 2;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(uri);
            Console.WriteLine($"{uri} → {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{uri} → no answer: {e.Message}");
            return 1;
        }
    }
}
