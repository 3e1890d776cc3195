using System.Diagnostics;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>SPEC §7: a production start with no admin, or with the demo password, refuses to start with a clear message.</summary>
public sealed class StartupGuardTests
{
    [Theory]
    [InlineData(null, "No administrator is configured")]
    [InlineData("Demo@2026", "Admin__Password is the demo password")]
    public async Task A_production_start_without_a_real_admin_exits_with_a_clear_message(string? adminPassword, string expected)
    {
        var (exitCode, output) = await StartWebInProduction(adminPassword);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("refuses to start");
        output.ShouldContain(expected);
    }

    [Fact]
    public async Task A_production_start_with_the_development_signing_key_is_refused_too()
    {
        var (exitCode, output) = await StartWebInProduction("A-real-long-admin-password-2026");

        exitCode.ShouldBe(1, output);
        output.ShouldContain("Auth__SigningKey");
    }

    private static async Task<(int ExitCode, string Output)> StartWebInProduction(string? adminPassword)
    {
        var web = Path.Combine(AppContext.BaseDirectory, "GrievanceDesk.Web.dll");
        var start = new ProcessStartInfo("dotnet", [web])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__DataDirectory"] = Path.Combine(Path.GetTempPath(), "gd-guard", Guid.NewGuid().ToString("N"));
        start.Environment.Remove("Admin__Password");
        if (adminPassword is not null)
        {
            start.Environment["Admin__Password"] = adminPassword;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not refuse to start; it kept running.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
