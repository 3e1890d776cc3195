using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// The app over HTTP on its own real SQLite file, migrated and seeded with the demo users (no demo cases):
/// one database per factory, so a test class owns its data.
/// </summary>
public class GrievanceDeskFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo@2026";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "gd-tests", Guid.NewGuid().ToString("N"));

    public static readonly JsonSerializerOptions Json = CreateJson();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", Password);
        builder.UseSetting("Demo:Cases", "0");
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("RateLimits:TrackingPerMinute", "1000");
        builder.UseSetting("RateLimits:PartnerPerMinute", "1000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Recurring jobs run only when a test triggers them (POST /api/admin/jobs/{id}/trigger).
        builder.UseSetting("Jobs:RunServer", "false");
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>
    /// Replaces app services for a test class, after the app's own registrations: e.g. a <see cref="MutableTimeProvider"/>
    /// as <c>services.AddSingleton&lt;TimeProvider&gt;(clock)</c>, or a recording notification gateway.
    /// </summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token from POST /api/auth/token.</summary>
    public async Task<HttpClient> SignedIn(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}

/// <summary>The demo users of each role, as the tests sign in.</summary>
public static class As
{
    public const string Admin = "admin";
    public const string FrontDesk = "desk";
    public const string Dispatcher = "dispatcher";
    public const string Leader = "leader";
    public const string UnitLeader = "unitleader1";
    public const string Cadre = "cadre1";

    public static readonly IReadOnlyList<string> EveryRole = [Admin, FrontDesk, Dispatcher, Leader, UnitLeader, Cadre];
}
