using System.Diagnostics;
using System.Text;

namespace GrievanceDesk.Functional.Tests.Contract;

/// <summary>
/// The contract tools, installed on first use and kept per machine: Redocly CLI from npm into a cache folder, Kiota as
/// the repository's local dotnet tool (.config/dotnet-tools.json). A lock file keeps two test runs from installing at once.
/// </summary>
public static class ContractTools
{
    public const string RedoclyVersion = "2.77.0";

    public sealed record Run(int ExitCode, string Output)
    {
        public Run ShouldSucceed(string what)
        {
            ExitCode.ShouldBe(0, $"{what} failed:\n{Output}");
            return this;
        }
    }

    /// <summary>The repository root: the folder with the dotnet tool manifest.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json")) && File.Exists(Path.Combine(dir.FullName, "GrievanceDesk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with .config/dotnet-tools.json) was not found above the test assembly.");
    }

    /// <summary>Per machine, outside the repository: GD_TOOL_CACHE, else ~/.cache/grievancedesk-tools.</summary>
    public static string CacheDirectory(string name)
    {
        var root = Environment.GetEnvironmentVariable("GD_TOOL_CACHE") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "grievancedesk-tools");
        var dir = Path.Combine(root, name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The redocly executable, installing @redocly/cli into the cache on first use.</summary>
    public static async Task<string> RedoclyAsync()
    {
        var dir = CacheDirectory($"redocly-cli-{RedoclyVersion}");
        var bin = Path.Combine(dir, "node_modules", ".bin", "redocly");
        await using var _ = await LockAsync(dir);
        if (!File.Exists(bin))
        {
            (await RunAsync("npm", ["install", "--prefix", dir, $"@redocly/cli@{RedoclyVersion}", "--no-audit", "--no-fund", "--loglevel=error"], dir, TimeSpan.FromMinutes(8)))
                .ShouldSucceed("npm install @redocly/cli");
        }

        return bin;
    }

    /// <summary>Restores the repository's local tools (Kiota among them); quick when they are already installed.</summary>
    public static async Task RestoreDotnetToolsAsync()
    {
        var root = RepositoryRoot();
        await using var _ = await LockAsync(CacheDirectory("dotnet-tools"));
        (await RunAsync("dotnet", ["tool", "restore"], root, TimeSpan.FromMinutes(8))).ShouldSucceed("dotnet tool restore");
    }

    public static async Task<Run> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit(); // drains the redirected output
        lock (output)
        {
            return new Run(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>An exclusive lock file in <paramref name="dir"/>, waited for (another test run may be installing).</summary>
    private static async Task<FileStream> LockAsync(string dir)
    {
        var path = Path.Combine(dir, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
