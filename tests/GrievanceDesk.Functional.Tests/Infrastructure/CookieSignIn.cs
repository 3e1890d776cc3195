using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>The web pages' way in: the sign-in form, its antiforgery token, and the cookie it sets.</summary>
public static partial class CookieSignIn
{
    /// <summary>A client (its own cookie jar, redirects not followed) signed in through POST /login.</summary>
    public static async Task<HttpClient> SignedInWithCookie(this GrievanceDeskFactory app, string userName, string password = GrievanceDeskFactory.Password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostLogin(userName, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    /// <summary>Posts the sign-in form as a browser would (GET the form for its token, then POST it).</summary>
    public static async Task<HttpResponseMessage> PostLogin(this HttpClient client, string userName, string password)
    {
        var token = await AntiforgeryToken(client, "/login");
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>The antiforgery token of the form on <paramref name="path"/> (its cookie lands in the client's jar).</summary>
    public static async Task<string> AntiforgeryToken(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenField().Match(html);
        match.Success.ShouldBeTrue($"{path} has no antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
