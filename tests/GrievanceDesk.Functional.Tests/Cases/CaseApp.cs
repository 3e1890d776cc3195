using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Cases;

/// <summary>
/// The app with a clock the test moves (<see cref="Clock"/>), signed-in clients by user name, and the calls the case
/// tests share: log a case, act on it, read it, read its outbox messages. One per test class (IClassFixture).
/// </summary>
public sealed class CaseApp : GrievanceDeskFactory
{
    public static readonly TimeSpan CstOffset = TimeSpan.FromHours(8);

    /// <summary>How long a cached sign-in is used: well inside the token's lifetime, which is checked against <see cref="Clock"/>.</summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromHours(4);

    private readonly ConcurrentDictionary<string, (HttpClient Client, DateTimeOffset SignedInAt)> _clients = new();
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private int _serial;

    public MutableTimeProvider Clock { get; } = new();

    /// <summary>The app's now.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>A wall-clock time in China Standard Time.</summary>
    public static DateTimeOffset Cst(int year, int month, int day, int hour = 10, int minute = 0) => new(year, month, day, hour, minute, 0, CstOffset);

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>
    /// A client signed in as <paramref name="userName"/>. The app issues and checks tokens by its clock, so a sign-in
    /// is reused only while the clock stays within a few hours after it; a test that moves the clock further signs in anew.
    /// </summary>
    public async Task<HttpClient> Client(string userName)
    {
        if (Fresh(userName) is { } cached)
        {
            return cached;
        }

        await _signIn.WaitAsync();
        try
        {
            if (Fresh(userName) is { } again)
            {
                return again;
            }

            var signedInAt = Now;
            var client = await SignedIn(userName);
            _clients[userName] = (client, signedInAt);
            return client;
        }
        finally
        {
            _signIn.Release();
        }
    }

    private HttpClient? Fresh(string userName) =>
        _clients.TryGetValue(userName, out var c) && Now >= c.SignedInAt && Now < c.SignedInAt + Reuse ? c.Client : null;

    /// <summary>A number unique within the class, for subjects, addresses and phones that no other test shares.</summary>
    public int Next() => Interlocked.Increment(ref _serial);

    /// <summary>An 11-digit mobile number no other case of this class has.</summary>
    public string UniquePhone() => $"139{Next():D8}";

    /// <summary>A claim about a lift (物业管理) in 湖滨社区: the rule CSJS → QH-ZJW dispatches it at once and auto-assigns a cadre.</summary>
    public Intake NewIntake()
    {
        var n = Next();
        return new Intake
        {
            ReceivedAt = Now.AddHours(-1),
            Complainants = [new Person("张三", UniquePhone())],
            Address = $"湖滨路{n}号",
            Subject = $"电梯故障无人维修 {n}",
            Content = $"小区{n}号楼电梯坏了三天，物业一直不修，老人上下楼困难。",
        };
    }

    /// <summary>POST /api/cases; asserts 201 and returns the case.</summary>
    public async Task<JsonElement> Log(Intake? intake = null, string user = As.FrontDesk)
    {
        var response = await Send(user, HttpMethod.Post, "/api/cases", intake ?? NewIntake());
        return await response.ShouldBeOk<JsonElement>(HttpStatusCode.Created);
    }

    public async Task<long> LogId(Intake? intake = null) => (await Log(intake)).Id();

    public async Task<HttpResponseMessage> Send(string user, HttpMethod method, string path, object? body = null, int? ifMatch = null, string? idempotencyKey = null)
    {
        var client = await Client(user);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType());
        }

        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary>POST /api/cases/{id}/{action} as <paramref name="user"/>.</summary>
    public Task<HttpResponseMessage> Post(string user, long id, string action, object? body = null, int? ifMatch = null) =>
        Send(user, HttpMethod.Post, $"/api/cases/{id}/{action}", body, ifMatch);

    /// <summary>POST /api/cases/{id}/{action}; asserts 200 and returns the case.</summary>
    public async Task<JsonElement> Do(string user, long id, string action, object? body = null) =>
        await (await Post(user, id, action, body)).ShouldBeOk<JsonElement>();

    public async Task<JsonElement> Get(string user, long id) =>
        await (await Send(user, HttpMethod.Get, $"/api/cases/{id}")).ShouldBeOk<JsonElement>();

    public async Task<JsonElement> GetJson(string user, string path) =>
        await (await Send(user, HttpMethod.Get, path)).ShouldBeOk<JsonElement>();

    /// <summary>The outbox messages about a case, oldest first, read from the database.</summary>
    public async Task<List<OutboxRow>> Outbox(long caseId)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Id)
            .Select(m => new OutboxRow(m.Channel, m.Recipient, m.Template, m.Body))
            .ToListAsync();
    }

    public async Task<T> Query<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The id of a unit by its code, from GET /api/units.</summary>
    public async Task<int> UnitId(string code)
    {
        var units = await GetJson(As.Dispatcher, "/api/units");
        return Flatten(units).Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
    }

    /// <summary>The id of the routing rule (category?, region?) → unit, from the admin API.</summary>
    public async Task<int> RuleId(string? categoryCode, string? regionCode)
    {
        var categories = await GetJson(As.Admin, "/api/categories");
        var regions = await GetJson(As.Admin, "/api/regions");
        int? IdOf(JsonElement list, string? code) => code is null
            ? null
            : Flatten(list).Single(x => x.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
        var (category, region) = (IdOf(categories, categoryCode), IdOf(regions, regionCode));
        var rules = await GetJson(As.Admin, "/api/admin/routing-rules");
        return Flatten(rules).Single(r =>
                (r.GetProperty("categoryId").ValueKind == JsonValueKind.Null ? null : (int?)r.GetProperty("categoryId").GetInt32()) == category
                && (r.GetProperty("regionId").ValueKind == JsonValueKind.Null ? null : (int?)r.GetProperty("regionId").GetInt32()) == region)
            .GetProperty("id").GetInt32();
    }

    /// <summary>A new user made by the admin through POST /api/admin/users, with the demo password.</summary>
    public async Task CreateUser(string userName, string displayName, string[] roles, string? unitCode)
    {
        int? unitId = unitCode is null ? null : await UnitId(unitCode);
        var response = await Send(As.Admin, HttpMethod.Post, "/api/admin/users", new { userName, displayName, password = Password, roles, unitId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes)
    {
        foreach (var node in nodes.EnumerateArray())
        {
            yield return node;
            if (node.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array)
            {
                foreach (var child in Flatten(children))
                {
                    yield return child;
                }
            }
        }
    }

    // Bodies of the case routes, as a client writes them.

    /// <summary>A cadre of 物业管理科 (QH-WYGS, below QH-ZJW).</summary>
    public const string SectionCadre = "wygs.cadre";

    /// <summary>A leader (reads every case) seconded to 物业管理科: the respondent unit of a report about that section.</summary>
    public const string SectionLeader = "wygs.leader";

    /// <summary>Makes <see cref="SectionCadre"/> and <see cref="SectionLeader"/> once, as the admin.</summary>
    public async Task EnsureSectionUsers()
    {
        var users = await GetJson(As.Admin, "/api/admin/users");
        if (users.EnumerateArray().Any(u => u.Str("userName") == SectionCadre))
        {
            return;
        }

        await CreateUser(SectionCadre, "物业科干部", ["Cadre"], "QH-WYGS");
        await CreateUser(SectionLeader, "物业科领导", ["Leader"], "QH-WYGS");
    }

    /// <summary>A case to walk: the unit's side done up to <paramref name="status"/> by the demo users of QH-ZJW.</summary>
    public async Task<long> CaseIn(string status)
    {
        switch (status)
        {
            case "registered":
                return await LogId(NewIntake() with { CategoryCode = "GBZF-ZF" });
            case "merged":
                {
                    var original = await LogId(NewIntake() with { CategoryCode = "GBZF-ZF" });
                    var duplicate = await LogId(NewIntake() with { CategoryCode = "GBZF-ZF" });
                    await Do(As.FrontDesk, duplicate, "merge", new { intoCaseId = original });
                    return duplicate;
                }
        }

        var id = await LogId();
        if (status == "dispatched")
        {
            return id;
        }

        await Do(As.Cadre, id, "accept");
        if (status == "accepted")
        {
            return id;
        }

        await Do(As.Cadre, id, "progress", new { note = "已约物业现场查看" });
        if (status == "in_progress")
        {
            return id;
        }

        await Do(As.Cadre, id, "resolution", new { outcome = "resolved", summary = "电梯已修复并通过检验" });
        if (status == "resolved")
        {
            return id;
        }

        await Do(As.Cadre, id, "feedback", new { channel = "phone", at = Now, reached = true, content = "已电话告知电梯修复" });
        if (status == "feedback_given")
        {
            return id;
        }

        await Do(As.Cadre, id, "close");
        if (status == "closed")
        {
            return id;
        }

        await Do(As.FrontDesk, id, "return-visit", new { satisfaction = "dissatisfied", solved = false, note = "电梯又坏了" });
        return status == "reopened" ? id : throw new ArgumentOutOfRangeException(nameof(status), status, "No recipe for this status.");
    }
}

public sealed record Person(string Name, string? Phone = null, string? IdNumber = null, string? Address = null);

public sealed record Attachment(string FileName, string ContentType, string ContentBase64);

/// <summary>The body of POST /api/cases. Defaults: a named caller's claim by phone, 1 person, 物业管理 in 湖滨社区.</summary>
public sealed record Intake
{
    public string Channel { get; init; } = "call";
    public string Kind { get; init; } = "claim";
    public string Urgency { get; init; } = "normal";
    public DateTimeOffset ReceivedAt { get; init; }
    public bool Anonymous { get; init; }
    public IReadOnlyList<Person>? Complainants { get; init; }
    public int HeadCount { get; init; } = 1;
    public string CategoryCode { get; init; } = "CSJS-WYGL";
    public string RegionCode { get; init; } = "QH-XH-HB";
    public string Address { get; init; } = "湖滨路1号";
    public string Subject { get; init; } = "电梯故障无人维修";
    public string Content { get; init; } = "电梯坏了三天，物业一直不修。";
    public string? RespondentUnitCode { get; init; }
    public string? RespondentName { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>The case this one repeats (重复件), when the desk knows it at intake.</summary>
    public long? RepeatOfCaseId { get; init; }

    /// <summary>The desk's answer to a consultation, given as it is logged (当场答复).</summary>
    public string? Answer { get; init; }

    public string? AnswerChannel { get; init; }
}

public sealed record OutboxRow(string Channel, string Recipient, string Template, string Body);

public static class CaseJson
{
    public static long Id(this JsonElement c) => c.GetProperty("id").GetInt64();

    public static int Version(this JsonElement c) => c.GetProperty("version").GetInt32();

    public static string? Str(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    public static string Status(this JsonElement c) => c.GetProperty("status").GetString()!;

    public static string? UnitCode(this JsonElement c) =>
        c.GetProperty("unit") is { ValueKind: JsonValueKind.Object } unit ? unit.GetProperty("code").GetString() : null;

    /// <summary>The timeline's action slugs, in sequence order.</summary>
    public static List<string> Actions(this JsonElement c) =>
        c.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()!).ToList();

    /// <summary>A time the case must have.</summary>
    public static DateTimeOffset At(this JsonElement e, string property) =>
        e.Time(property) ?? throw new ShouldAssertException($"{property} should be set: {e}");

    public static DateTimeOffset? Time(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDateTimeOffset() : null;
}
