using System.Text.Json;
using System.Text.Json.Serialization;
using GrievanceDesk.Application;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Infrastructure.Jobs;
using GrievanceDesk.Infrastructure.Persistence;
using GrievanceDesk.Infrastructure.Seeding;
using GrievanceDesk.Web.Endpoints;
using GrievanceDesk.Web.Infrastructure;
using GrievanceDesk.Web.OpenApi;
using GrievanceDesk.Web.Partners;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

if (HealthProbe.Requested(args, out var probeUrl))
{
    return await HealthProbe.RunAsync(probeUrl); // the container health check: no host is built
}

var builder = WebApplication.CreateBuilder(args);

if (StartupGuard.Problems(builder.Configuration, builder.Environment) is { Count: > 0 } refusals)
{
    Console.Error.WriteLine("GrievanceDesk refuses to start in this configuration:");
    foreach (var reason in refusals)
    {
        Console.Error.WriteLine($"  - {reason}");
    }

    return 1;
}

if (StartupDatabaseCheck.Problem(builder.Configuration, builder.Environment) is { } databaseProblem)
{
    Console.Error.WriteLine(databaseProblem);
    return 2;
}

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddGrievanceDeskAuth(builder.Configuration);
builder.Services.AddGrievanceDeskRateLimits(builder.Configuration);
builder.Services.AddGrievanceDeskPartners(builder.Configuration);
builder.Services.AddGrievanceDeskOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
    .AddCheck<DatabaseWritableCheck>(DatabaseWritableCheck.Name, tags: ["ready"])
    .AddCheck<HolidayCoverageHealthCheck>("holiday-calendar", tags: ["ready"]);
builder.Services.AddGrievanceDeskPages();

var app = builder.Build();

// Several instances behind a load balancer: one migration step (`--migrate-only`) brings the schema up and seeds,
// and the instances start with Database:MigrateOnStart=false. The embedded default does it all at start.
if (args.Contains("--migrate-only"))
{
    await DatabaseInitializer.RunAsync(app.Services);
    JobsSetup.PrepareStorage(app.Services); // Hangfire's own tables, before the instances race to create them
    Console.WriteLine("GrievanceDesk: database migrated and seeded.");
    return 0;
}

if (builder.Configuration.GetValue("Database:MigrateOnStart", true))
{
    await DatabaseInitializer.RunAsync(app.Services);
}

if (args.Contains("stats-rebuild"))
{
    return await GrievanceDesk.Infrastructure.Stats.StatsRebuild.RunCommandAsync(app.Services, args);
}

// Behind the load balancer the client's address comes in X-Forwarded-For (rate limits are per client).
if (builder.Configuration.GetValue("ForwardedHeaders:Enabled", false))
{
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear(); // the proxy sits on the compose network; only it can reach the instances
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}

app.UseGrievanceDeskSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages(WebSecurity.StatusCodePage);
app.UseAuthentication();
app.UseAuthorization();
app.UseCookieApiAntiforgery();
app.UseJsonCharsetCheck();
app.UseRateLimiter();
app.UseGrievanceDeskJobsDashboard();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/scalar", o => o.WithTitle("GrievanceDesk API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthReportText.WriteAsync });
app.MapAuthEndpoints();
app.MapReferenceDataEndpoints();
app.MapAdminEndpoints();
app.MapCaseEndpoints();
app.MapAttachmentEndpoints();
app.MapJobEndpoints();
app.MapStatsEndpoints();
app.MapExportEndpoints();
app.MapBriefingEndpoints();
app.MapPartnerEndpoints();
app.MapGrievanceDeskPages(); // the staff web UI; "/" sends each role to its start page

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

static void ConfigureJson(JsonSerializerOptions o)
{
    o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    StrictJson.Apply(o);
}

/// <summary>The entry point, visible to WebApplicationFactory in the functional tests.</summary>
public partial class Program;
