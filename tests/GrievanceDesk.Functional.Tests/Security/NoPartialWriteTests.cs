using System.Net;
using System.Text.Json;
using GrievanceDesk.Application.Cases;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Functional.Tests.Cases;
using GrievanceDesk.Functional.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Functional.Tests.Security;

/// <summary>
/// docs/product.md §7: each command is one transaction. A command that fails in the middle — after the case row was inserted,
/// the tracking counter bumped and the timeline written — leaves nothing behind: every table is as it was.
/// </summary>
public sealed class NoPartialWriteTests(NoPartialWriteTests.FaultyApp app) : IClassFixture<NoPartialWriteTests.FaultyApp>
{
    [Fact]
    public async Task An_intake_whose_notifications_fail_leaves_no_case_no_counter_bump_and_no_outbox_row()
    {
        var desk = await app.SignedIn(As.FrontDesk);
        var key = Guid.NewGuid().ToString();
        var before = await DatabaseSnapshot.Take(app);

        using (app.Fail(Fault.Notifier))
        {
            var failed = await Post(desk, key);
            await failed.ShouldBeProblem(HttpStatusCode.InternalServerError);
        }

        DatabaseSnapshot.Diff(before, await DatabaseSnapshot.Take(app)).ShouldBeEmpty();

        // The retry with the same Idempotency-Key is a first attempt: the key was not kept, and the day's counter did not move.
        var retried = await (await Post(desk, key)).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var logged = await (await Post(desk, null)).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        Sequence(logged).ShouldBe(Sequence(retried) + 1);
        (await app.Outbox(retried.Id())).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task An_intake_whose_auto_assignment_fails_after_routing_leaves_nothing_behind()
    {
        var desk = await app.SignedIn(As.FrontDesk);
        var before = await DatabaseSnapshot.Take(app);

        using (app.Fail(Fault.UserDirectory))
        {
            await (await Post(desk, null)).ShouldBeProblem(HttpStatusCode.InternalServerError);
        }

        DatabaseSnapshot.Diff(before, await DatabaseSnapshot.Take(app)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dispatch_that_fails_in_the_middle_leaves_the_case_as_it_was()
    {
        var desk = await app.SignedIn(As.FrontDesk);
        var dispatcher = await app.SignedIn(As.Dispatcher);
        var created = await (await desk.PostAsync("/api/cases", Json(new Intake
        {
            ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1),
            CategoryCode = "GBZF-ZF", // no routing rule: the case waits in the dispatcher queue
            Complainants = [new Person("张三", "13812345678")],
        }))).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var before = await DatabaseSnapshot.Take(app);

        using (app.Fail(Fault.Notifier))
        {
            var failed = await dispatcher.PostAsync($"/api/cases/{created.Id()}/dispatch", Json(new { unitCode = "QH-ZJW" }));
            await failed.ShouldBeProblem(HttpStatusCode.InternalServerError);
        }

        DatabaseSnapshot.Diff(before, await DatabaseSnapshot.Take(app)).ShouldBeEmpty();
        var page = await (await dispatcher.GetAsync($"/api/cases/{created.Id()}")).ShouldBeOk<JsonElement>();
        page.Status().ShouldBe("registered");
        page.Version().ShouldBe(created.Version());
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = Json(new Intake { ReceivedAt = DateTimeOffset.UtcNow.AddHours(-1), Complainants = [new Person("张三", "13812345678")] }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body, body.GetType(), GrievanceDeskFactory.Json), System.Text.Encoding.UTF8, "application/json");

    private static int Sequence(JsonElement c) => int.Parse(c.Str("trackingNo")![11..], System.Globalization.CultureInfo.InvariantCulture);

    public enum Fault
    {
        None,

        /// <summary>Queuing the case's notifications throws: after the case row is inserted (it needs an id first).</summary>
        Notifier,

        /// <summary>The user directory throws: auto-assignment after routing, and the unit's leaders for notifications.</summary>
        UserDirectory,
    }

    /// <summary>The app with services that fail on demand, wrapped around the real ones.</summary>
    public sealed class FaultyApp : GrievanceDeskFactory
    {
        private volatile Fault _fault;

        public IDisposable Fail(Fault fault)
        {
            _fault = fault;
            return new Restore(this);
        }

        public async Task<List<OutboxRow>> Outbox(long caseId)
        {
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GrievanceDesk.Infrastructure.Persistence.AppDbContext>();
            return db.OutboxMessages.Where(m => m.CaseId == caseId).Select(m => new OutboxRow(m.Channel, m.Recipient, m.Template, m.Body)).ToList();
        }

        protected override void ConfigureTestServices(IServiceCollection services)
        {
            Wrap<ICaseNotifier>(services, inner => new FaultyNotifier(inner, this));
            Wrap<IUserDirectory>(services, inner => new FaultyUserDirectory(inner, this));
        }

        private static void Wrap<T>(IServiceCollection services, Func<T, T> wrap)
            where T : class
        {
            var real = services.Single(d => d.ServiceType == typeof(T));
            var type = real.ImplementationType ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered by type.");
            services.Remove(real);
            services.Add(new ServiceDescriptor(type, type, real.Lifetime));
            services.Add(new ServiceDescriptor(typeof(T), sp => wrap((T)sp.GetRequiredService(type)), real.Lifetime));
        }

        private void Throw(Fault fault)
        {
            if (_fault == fault)
            {
                throw new InvalidOperationException($"Injected fault: {fault}.");
            }
        }

        private sealed class Restore(FaultyApp app) : IDisposable
        {
            public void Dispose() => app._fault = Fault.None;
        }

        private sealed class FaultyNotifier(ICaseNotifier inner, FaultyApp app) : ICaseNotifier
        {
            public Task EnqueueAsync(GrievanceDesk.Domain.Cases.Case @case, CancellationToken ct)
            {
                app.Throw(Fault.Notifier);
                return inner.EnqueueAsync(@case, ct);
            }
        }

        private sealed class FaultyUserDirectory(IUserDirectory inner, FaultyApp app) : IUserDirectory
        {
            public Task<IReadOnlyList<string>> UserNamesInRoleAsync(string role, int? unitId, CancellationToken ct)
            {
                app.Throw(Fault.UserDirectory);
                return inner.UserNamesInRoleAsync(role, unitId, ct);
            }

            public Task<UserDto?> FindAsync(string userName, CancellationToken ct) => inner.FindAsync(userName, ct);

            public Task<IReadOnlyDictionary<string, string>> DisplayNamesAsync(IReadOnlyCollection<string> userNames, CancellationToken ct) =>
                inner.DisplayNamesAsync(userNames, ct);

            public Task<IReadOnlyList<UserDto>> ListAsync(CancellationToken ct) => inner.ListAsync(ct);

            public Task<UserDto> CreateAsync(string userName, string displayName, string password, IReadOnlyList<string> roles, int? unitId, CancellationToken ct) =>
                inner.CreateAsync(userName, displayName, password, roles, unitId, ct);

            public Task<UserDto> UpdateAsync(string userName, string displayName, IReadOnlyList<string> roles, int? unitId, bool isActive, CancellationToken ct) =>
                inner.UpdateAsync(userName, displayName, roles, unitId, isActive, ct);

            public Task UnlockAsync(string userName, CancellationToken ct) => inner.UnlockAsync(userName, ct);

            public Task<bool> AnyInUnitAsync(int unitId, CancellationToken ct) => inner.AnyInUnitAsync(unitId, ct);
        }
    }
}
