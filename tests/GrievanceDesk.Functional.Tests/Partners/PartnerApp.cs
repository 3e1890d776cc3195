using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Functional.Tests.Partners;

/// <summary>The app with a clock the test moves, and the calls the partner tests share.</summary>
public sealed class PartnerApp : GrievanceDeskFactory
{
    private int _serial;

    public MutableTimeProvider Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:PartnerPerMinute", "5");
    }

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public int Next() => Interlocked.Increment(ref _serial);

    /// <summary>POST /api/admin/partners as admin: the partner's id and its key (shown once).</summary>
    public async Task<(int Id, string Key)> Register(string name, params string[] scopes)
    {
        var admin = await SignedIn(As.Admin);
        var issued = await (await admin.PostAsJsonAsync("/api/admin/partners", new { name = $"{name}{Next()}", scopes }))
            .ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        return (issued.GetProperty("partner").GetProperty("id").GetInt32(), issued.GetProperty("key").GetString()!);
    }

    public Task<(int Id, string Key)> RegisterFull(string name = "省12345平台") =>
        Register(name, "cases:create", "cases:read-own", "webhooks:manage");

    public HttpClient Partner(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A transfer (上级转办) about compensation for a demolition (征地拆迁): no routing rule, so it waits for the dispatcher.</summary>
    public object Intake(string externalReference, string channel = "transfer", string phone = "13812345678") => new
    {
        externalReference,
        channel,
        kind = "claim",
        urgency = "normal",
        receivedAt = Clock.GetUtcNow().AddHours(-2),
        anonymous = false,
        complainants = new[] { new { name = "王五", phone, idNumber = (string?)null, address = "湖滨路8号" } },
        headCount = 1,
        categoryCode = "ZDCQ-BC",
        regionCode = "QH-XH-HB",
        address = "湖滨路8号",
        subject = $"拆迁补偿款未到位 {Next()}",
        content = "房屋征收已签约半年，补偿款迟迟未发放。",
    };

    public async Task TriggerOutbox()
    {
        var admin = await SignedIn(As.Admin);
        (await admin.PostAsync("/api/admin/jobs/outbox-sender/trigger", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

/// <summary>
/// A partner's webhook receiver: a real HTTP listener (Kestrel on 127.0.0.1, a free port) that checks each delivery
/// the way a partner would, with its own HMAC code: signature over "{timestamp}.{body}", timestamp within 5 minutes.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private int _failures;

    public sealed record Delivery(string Event, string DeliveryId, bool SignatureValid, bool Fresh, int Answered, JsonElement Body, string Raw);

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public string Secret { get; set; } = string.Empty;

    public string Url => _app.Urls.Single() + "/hook";

    /// <summary>Answer the next <paramref name="count"/> deliveries with a 500.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var raw = await reader.ReadToEndAsync();
            var timestamp = request.Headers["X-GrievanceDesk-Timestamp"].ToString();
            var signature = request.Headers["X-GrievanceDesk-Signature"].ToString();
            var expected = "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(receiver.Secret), Encoding.UTF8.GetBytes($"{timestamp}.{raw}")));
            var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
            var fresh = long.TryParse(timestamp, out var seconds)
                && (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= ReplayWindow;
            var fail = Interlocked.Decrement(ref receiver._failures) >= 0;
            var status = !valid || !fresh ? 401 : fail ? 500 : 200;
            receiver.Deliveries.Enqueue(new Delivery(request.Headers["X-GrievanceDesk-Event"].ToString(), request.Headers["X-GrievanceDesk-Delivery"].ToString(),
                valid, fresh, status, JsonDocument.Parse(raw).RootElement.Clone(), raw));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return receiver;
    }

    public IReadOnlyList<Delivery> Of(string @event) => Deliveries.Where(d => d.Event == @event).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
