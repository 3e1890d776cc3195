using System.Diagnostics;
using GrievanceDesk.Infrastructure.Security;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>docs/product.md §7: a production start with no admin, the demo password, or no encryption key of its own refuses to start with a clear message.</summary>
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

    [Fact]
    public async Task A_production_start_without_an_encryption_key_is_refused_with_a_clear_message()
    {
        var (exitCode, output) = await StartWebInProduction("A-real-long-admin-password-2026", RealSigningKey);

        exitCode.ShouldBe(1, output);
        output.ShouldContain("Encryption__Key is missing");
        output.ShouldNotContain("Auth__SigningKey", Case.Sensitive, "the signing key given is fine; only the encryption key is missing");
    }

    [Theory]
    [InlineData(EncryptionOptions.DevelopmentKey, "Encryption__Key is the development key")]
    [InlineData("dG9vIHNob3J0", "Encryption__Key is not base64 of exactly 32 bytes")]
    public async Task A_production_start_with_the_development_or_a_malformed_encryption_key_is_refused(string key, string expected)
    {
        var (exitCode, output) = await StartWebInProduction("A-real-long-admin-password-2026", RealSigningKey, key);

        exitCode.ShouldBe(1, output);
        output.ShouldContain(expected);
    }

    private const string RealSigningKey = "a-real-signing-key-for-this-test-only-4f9c2e7a1b3d5f60";

    private static async Task<(int ExitCode, string Output)> StartWebInProduction(string? adminPassword, string? signingKey = null, string? encryptionKey = null)
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
        start.Environment.Remove("Auth__SigningKey");
        start.Environment.Remove("Encryption__Key");
        if (adminPassword is not null)
        {
            start.Environment["Admin__Password"] = adminPassword;
        }

        if (signingKey is not null)
        {
            start.Environment["Auth__SigningKey"] = signingKey;
        }

        if (encryptionKey is not null)
        {
            start.Environment["Encryption__Key"] = encryptionKey;
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
