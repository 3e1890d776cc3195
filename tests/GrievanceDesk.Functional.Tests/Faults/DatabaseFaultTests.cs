using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GrievanceDesk.Application.Escalation;
using GrievanceDesk.Application.Jobs;
using GrievanceDesk.Functional.Tests.Infrastructure;
using GrievanceDesk.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GrievanceDesk.Functional.Tests.Faults;

/// <summary>
/// Issue 13: a database that takes no writes is a 503 naming the cause and an Unhealthy readiness, not a 500 behind a
/// Healthy probe; the app recovers by itself when the database is writable again; a start on an unwritable data
/// directory ends with one clear line and a non-zero code; the escalation sweep logs a lost race at Debug and a real
/// database fault as an error, and retries that case on its next run.
/// </summary>
public sealed class DatabaseFaultTests(DatabaseFaultApp app) : IClassFixture<DatabaseFaultApp>
{
    [Fact]
    public async Task A_read_only_database_answers_writes_with_503_turns_readiness_unhealthy_and_recovers()
    {
        app.Clock.Reset();
        var desk = await app.SignedIn(As.FrontDesk);
        var admin = await app.SignedIn(As.Admin);
        (await app.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var casesBefore = await CaseCount();

        app.Switch.ReadOnly = true;
        try
        {
            var intake = await desk.PostAsJsonAsync("/api/cases", Intake());
            var problem = await intake.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database-unavailable");
            problem.GetProperty("detail").GetString()!.ShouldContain("read-only");
            intake.Headers.RetryAfter.ShouldNotBeNull();
            var unit = await admin.PostAsJsonAsync("/api/admin/units", new { code = "RO-TEST", name = "只读测试单位", parentId = (int?)null, autoAssign = false });
            await unit.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "database-unavailable");

            var ready = await app.CreateClient().GetAsync("/health/ready");
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var readiness = await ready.Content.ReadAsStringAsync();
            readiness.ShouldStartWith("Unhealthy");
            readiness.ShouldContain("database-writable: Unhealthy", Case.Sensitive, "the readiness report names the failing check and its cause");
            readiness.ShouldContain("read-only");
            (await app.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK, "the process lives; only readiness drops");
            (await desk.GetAsync("/api/cases?pageSize=1")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads still work");
        }
        finally
        {
            app.Switch.ReadOnly = false;
        }

        (await CaseCount()).ShouldBe(casesBefore, "nothing was written while read-only");
        (await app.CreateClient().GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await desk.PostAsJsonAsync("/api/cases", Intake())).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_start_on_an_unwritable_data_directory_exits_non_zero_with_one_clear_line()
    {
        var root = Path.Combine(Path.GetTempPath(), "gd-unwritable", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "file");
        await File.WriteAllTextAsync(file, "a regular file: nothing can be created below it, not even by root");
        var dataDirectory = Path.Combine(file, "data");
        try
        {
            var start = new ProcessStartInfo("dotnet", [WebAppDll()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(WebAppDll())!,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Database__DataDirectory"] = dataDirectory;
            start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true); // it started: the test fails below
            }

            process.HasExited.ShouldBeTrue("the app must not start");
            process.ExitCode.ShouldNotBe(0);
            var lines = (await stderr + await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            lines.Length.ShouldBe(1, string.Join("\n", lines));
            lines[0].ShouldContain("cannot start");
            lines[0].ShouldContain(dataDirectory);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_sweep_logs_a_lost_race_at_debug_and_a_database_fault_as_an_error_and_retries_the_case()
    {
        app.Clock.Reset();
        var desk = await app.SignedIn(As.FrontDesk);
        var created = await (await desk.PostAsJsonAsync("/api/cases", Intake())).ShouldBeOk<JsonElement>(HttpStatusCode.Created);
        var caseId = created.GetProperty("id").GetInt64();
        app.Clock.Now = created.GetProperty("deadlines").GetProperty("accept").GetDateTimeOffset().AddHours(-3); // inside the warning window

        // Another instance won the race: the unique key refuses this one's record.
        app.Switch.FailEscalationInsert = new SqliteException("UNIQUE constraint failed: CaseEscalations.CaseId, CaseEscalations.Step, CaseEscalations.DeadlineUtc", 19, 2067);
        var raced = await SweepLogged();
        raced.ShouldContain(e => e.Level == LogLevel.Debug && e.Message.Contains($"case {caseId}", StringComparison.Ordinal),
            string.Join("\n", app.Logs.Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}")));
        raced.ShouldNotContain(e => e.Level >= LogLevel.Warning, string.Join("\n", raced.Select(e => e.Message)));

        // A real fault: an error in the log, nothing recorded…
        app.Switch.FailEscalationInsert = new SqliteException("disk I/O error", 10, 10);
        var failed = await SweepLogged();
        failed.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains($"case {caseId}", StringComparison.Ordinal) && e.Exception != null);
        (await Steps(caseId)).ShouldBeEmpty();

        // …and the next run does the step.
        app.Switch.FailEscalationInsert = null;
        await SweepLogged();
        (await Steps(caseId)).ShouldBe([Domain.Sla.EscalationStep.Warning]);
    }

    private async Task<List<(string Category, LogLevel Level, string Message, Exception? Exception)>> SweepLogged()
    {
        app.Logs.Entries.Clear();
        var run = await app.Services.GetRequiredService<IJobScheduler>().RunNowAsync(EscalationSweep.JobId, default);
        app.Logs.Entries.Enqueue(("test", LogLevel.Information, $"sweep: {JsonSerializer.Serialize(run.Result)}", null));
        return app.Logs.Entries.Where(e => e.Category == typeof(EscalationSweep).FullName).ToList();
    }

    private async Task<List<Domain.Sla.EscalationStep>> Steps(long caseId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Escalations.Where(e => e.CaseId == caseId).Select(e => e.Step).ToListAsync();
    }

    private async Task<int> CaseCount()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync();
    }

    private object Intake() => new
    {
        channel = "call",
        kind = "claim",
        urgency = "normal",
        receivedAt = app.Clock.Now,
        anonymous = false,
        complainants = new[] { new { name = "李四", phone = "13912345678" } },
        headCount = 1,
        categoryCode = "CSJS-WYGL",
        regionCode = "QH-XH-HB",
        address = "湖滨路8号",
        subject = "楼道堆物物业不清理",
        content = "楼道堆满杂物存在消防隐患",
    };

    /// <summary>The built web app next to this test assembly's build (same configuration).</summary>
    private static string WebAppDll()
    {
        var here = AppContext.BaseDirectory;
        var local = Path.Combine(here, "GrievanceDesk.Web.dll");
        var repo = new DirectoryInfo(here);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "GrievanceDesk.sln")))
        {
            repo = repo.Parent;
        }

        var configuration = here.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var built = repo is null ? null : Path.Combine(repo.FullName, "src", "GrievanceDesk.Web", "bin", configuration, "net10.0", "GrievanceDesk.Web.dll");
        return built is not null && File.Exists(built) ? built : local;
    }
}
