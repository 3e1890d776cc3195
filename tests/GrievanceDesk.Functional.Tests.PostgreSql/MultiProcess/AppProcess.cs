using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using GrievanceDesk.Functional.Tests.Infrastructure;

namespace GrievanceDesk.Functional.Tests.MultiProcess;

/// <summary>
/// The app as its own operating-system process: <c>dotnet GrievanceDesk.Web.dll</c> from the test's output folder,
/// configured through the environment as a container would be. Its console output is kept line by line, so a test can
/// see what the process logged (the default notification gateway writes every notification sent to the log).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Runs the app once with the given arguments (e.g. <c>--migrate-only</c>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunOnce(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, "http://127.0.0.1:0", args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts the app on a free loopback port and waits until /health/ready answers 200.</summary>
    public static async Task<AppProcess> Start(IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{PostgresCluster.FreePort()}");
        var process = Process.Start(StartInfo(environment, address.ToString().TrimEnd('/'), []))!;
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(200);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"The app at {address} did not become ready:{Environment.NewLine}{string.Join(Environment.NewLine, app.Output)}");
    }

    /// <summary>
    /// Waits until every line the process logged before this call is in <see cref="Output"/>: the console logger writes in
    /// order, so once the request log line of a request made now shows up, everything logged earlier has too.
    /// </summary>
    public async Task Flush()
    {
        var marker = Guid.NewGuid().ToString("N");
        using var http = new HttpClient { BaseAddress = Address };
        (await http.GetAsync($"/health/live?flush={marker}")).EnsureSuccessStatusCode();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!_output.Any(l => l.Contains(marker, StringComparison.Ordinal)))
        {
            if (DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"The request log line of {marker} never appeared; is Microsoft.AspNetCore.Hosting logging at Information?");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, string urls, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GrievanceDesk.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = urls;
        return start;
    }
}
