using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// The app over HTTP on its own real database (a SQLite file, or a PostgreSQL database in the PostgreSql test
/// project), migrated and seeded with the demo users (no demo cases): one database per factory, so a test class owns
/// its data. Several factories may share one <see cref="TestDatabase"/> (several instances of the app).
/// </summary>
public class GrievanceDeskFactory : WebApplicationFactory<Program>
{
    public const string Password = "Demo@2026";

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public GrievanceDeskFactory()
        : this(new TestDatabase(), ownsDatabase: true)
    {
    }

    /// <summary>An instance on a database that the caller owns and disposes.</summary>
    protected GrievanceDeskFactory(TestDatabase database)
        : this(database, ownsDatabase: false)
    {
    }

    private GrievanceDeskFactory(TestDatabase database, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
    }

    public static readonly JsonSerializerOptions Json = CreateJson();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        _database.Apply(builder);
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

    /// <summary>Generous: two hundred parallel requests on a busy two-core machine may wait long for a database lock.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Timeout = TimeSpan.FromMinutes(5);
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
        if (_ownsDatabase)
        {
            _database.Dispose();
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
