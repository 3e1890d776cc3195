using System.Diagnostics;

namespace GrievanceDesk.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, the browser these tests drive (Playwright cannot download its own browser here). When
/// /usr/bin/chromium is missing, it is installed with apt-get (as root), so that `dotnet test` works on a new machine.
/// GD_CHROMIUM overrides the path.
/// </summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The flags a headless Chromium needs on a machine with no network and no display, run as root.</summary>
    public static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private static readonly SemaphoreSlim Once = new(1, 1);

    public static async Task<string> EnsureInstalledAsync()
    {
        var path = Environment.GetEnvironmentVariable("GD_CHROMIUM") is { Length: > 0 } custom ? custom : DefaultPath;
        if (File.Exists(path))
        {
            return path;
        }

        await Once.WaitAsync();
        try
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get"))
            {
                throw new InvalidOperationException(
                    $"Chromium was not found at {path}. Install Chromium (Debian: apt-get install -y chromium) or set GD_CHROMIUM to its path.");
            }

            var (exit, output) = await RunAsync("/bin/sh", "-c", "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends chromium");
            if (exit != 0 || !File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"Chromium is missing at {path} and installing it with apt-get failed (exit {exit}; the browser tests need root or a " +
                    $"pre-installed chromium: apt-get install -y chromium). Last output:{Environment.NewLine}{Tail(output)}");
            }

            return path;
        }
        finally
        {
            Once.Release();
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, "apt-get did not finish within 10 minutes.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];
}
