using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GrievanceDesk.Benchmarks;

/// <summary>
/// The bare stack, for the intake's ratio: an ASP.NET Core endpoint in this process that does only the work an intake
/// cannot avoid. Bearer (JWT) authentication, the JSON body in, one transaction writing the case, its complainant, one
/// timeline row and one outbox row through EF Core on SQLite (WAL, the app's pragmas), the JSON answer out. No
/// validation, routing, deadlines, reference data or case page: what is left of the intake's time above this is the app.
/// </summary>
public sealed class BaselineApp : IAsyncDisposable
{
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("baseline-signing-key-of-32-bytes!!"));
    private readonly WebApplication _app;

    private BaselineApp(WebApplication app, Uri address)
    {
        _app = app;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(ClaimTypes.Name, "desk"), new Claim(ClaimTypes.Role, "FrontDesk")]),
            Issuer = "baseline",
            Audience = "baseline",
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
    }

    public HttpClient Client { get; }

    public string Token { get; }

    public static async Task<BaselineApp> StartAsync(string databasePath)
    {
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDbContext<BaselineDb>(o => o.UseSqlite($"Data Source={databasePath};Pooling=True;Default Timeout=30")
            .AddInterceptors(new BaselinePragmas()));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "baseline",
                ValidAudience = "baseline",
                IssuerSigningKey = Key,
                NameClaimType = ClaimTypes.Name,
                RoleClaimType = ClaimTypes.Role,
            };
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/baseline/cases", async (BaselineIntake body, BaselineDb db, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var now = DateTime.UtcNow;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var row = new BaselineCase { Subject = body.Subject, Content = body.Content, Address = body.Address, CategoryCode = body.CategoryCode, RegionCode = body.RegionCode, ReceivedAtUtc = body.ReceivedAt.UtcDateTime, RegisteredAtUtc = now };
            row.Complainants.Add(new BaselineComplainant { Name = body.Complainants[0].Name, Phone = body.Complainants[0].Phone });
            row.Timeline.Add(new BaselineTimeline { Action = "registered", By = user.Identity!.Name!, AtUtc = now });
            db.Cases.Add(row);
            await db.SaveChangesAsync(ct);
            row.TrackingNo = $"BL{now:yyyyMMdd}-{row.Id:D6}";
            db.Outbox.Add(new BaselineOutbox { CaseId = row.Id, Template = "case-registered", Recipient = body.Complainants[0].Phone ?? string.Empty, CreatedAtUtc = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Created($"/baseline/cases/{row.Id}", new { row.Id, row.TrackingNo, row.Subject, row.Address, registeredAt = row.RegisteredAtUtc });
        }).RequireAuthorization();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BaselineDb>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        var address = app.Urls.First();
        Console.WriteLine($"  baseline endpoint on {address}, database {databasePath}");
        return new BaselineApp(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record BaselinePerson(string Name, string? Phone);

    public sealed record BaselineIntake(string Channel, string Kind, string Urgency, DateTimeOffset ReceivedAt, bool Anonymous, BaselinePerson[] Complainants,
        int HeadCount, string CategoryCode, string RegionCode, string Address, string Subject, string Content);

    public sealed class BaselineCase
    {
        public long Id { get; set; }
        public string TrackingNo { get; set; } = string.Empty;
        public string Subject { get; set; } = string.Empty;
        public string Content { get; set; } = string.Empty;
        public string Address { get; set; } = string.Empty;
        public string CategoryCode { get; set; } = string.Empty;
        public string RegionCode { get; set; } = string.Empty;
        public DateTime ReceivedAtUtc { get; set; }
        public DateTime RegisteredAtUtc { get; set; }
        public List<BaselineComplainant> Complainants { get; } = [];
        public List<BaselineTimeline> Timeline { get; } = [];
    }

    public sealed class BaselineComplainant
    {
        public long Id { get; set; }
        public string Name { get; set; } = string.Empty;
        public string? Phone { get; set; }
    }

    public sealed class BaselineTimeline
    {
        public long Id { get; set; }
        public string Action { get; set; } = string.Empty;
        public string By { get; set; } = string.Empty;
        public DateTime AtUtc { get; set; }
    }

    public sealed class BaselineOutbox
    {
        public long Id { get; set; }
        public long CaseId { get; set; }
        public string Template { get; set; } = string.Empty;
        public string Recipient { get; set; } = string.Empty;
        public DateTime CreatedAtUtc { get; set; }
    }

    public sealed class BaselineDb(DbContextOptions<BaselineDb> options) : DbContext(options)
    {
        public DbSet<BaselineCase> Cases => Set<BaselineCase>();
        public DbSet<BaselineOutbox> Outbox => Set<BaselineOutbox>();
    }

    private sealed class BaselinePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
