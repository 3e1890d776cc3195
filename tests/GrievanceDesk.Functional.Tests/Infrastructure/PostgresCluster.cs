using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GrievanceDesk.Functional.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster owned by this test run: Debian's PostgreSQL (installed with apt-get when missing, as
/// root, as on CI), initdb into a temporary directory as the <c>postgres</c> user (initdb refuses root), C.UTF-8 so
/// Chinese text sorts and compares as UTF-8, on a free loopback port, stopped and removed when the test process exits.
/// It trades durability for speed (fsync off): it lives for one test run. One cluster per test process; each test
/// class gets its own database on it (<see cref="CreateDatabase"/>).
/// </summary>
public sealed class PostgresCluster
{
    private const string Superuser = "postgres";
    private const string Prefix = "gd-pg-";

    private static readonly Lazy<PostgresCluster> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _directory;

    private PostgresCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    /// <summary>The cluster of this test process, started on first use.</summary>
    public static PostgresCluster Shared => Instance.Value;

    public int Port { get; }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Database = database,
            Pooling = true,
            MaxPoolSize = 100,
            ConnectionIdleLifetime = 10,
            // Two hundred parallel intakes queue on the day's tracking counter (a row lock, as in production) on two
            // busy cores: they wait for a pooled connection and for the lock longer than the defaults allow.
            Timeout = 300,
            CommandTimeout = 600,
        }.ConnectionString;

    /// <summary>A new empty database (UTF-8, C.UTF-8) and its connection string.</summary>
    public string CreateDatabase(string name)
    {
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        return ConnectionString(name);
    }

    /// <summary>Drops a database, closing the connections still open on it.</summary>
    public void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static PostgresCluster Start()
    {
        var bin = FindBin() ?? Install();
        RemoveStoppedClusters();
        var directory = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(directory);
        if (RunningAsRoot)
        {
            Run("chown", Superuser, directory); // the postgres user writes the cluster, its socket and its log here
        }

        RunAsPostgres(Path.Combine(bin, "initdb"), "-D", data, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = FreePort();
        var settings = string.Join(' ',
            $"-p {port}", "-c listen_addresses=127.0.0.1", $"-c unix_socket_directories={directory}",
            "-c max_connections=400", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c shared_buffers=64MB");
        RunAsPostgres(Path.Combine(bin, "pg_ctl"), "-D", data, "-o", settings, "-l", Path.Combine(directory, "postgres.log"), "-w", "-t", "60", "start");
        var cluster = new PostgresCluster(bin, directory, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // left for the OS temp cleaner
            }
        }
    }

    /// <summary>
    /// The test host may be ended before its exit handler has removed the directory of a cluster it stopped. Such a
    /// directory is recognised safely: its server said it shut down and left no postmaster.pid (a cluster being
    /// created has no log yet; a running one has its pid file).
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var log = Path.Combine(stale, "postgres.log");
            try
            {
                if (File.Exists(log) && !File.Exists(Path.Combine(stale, "data", "postmaster.pid"))
                    && File.ReadLines(log).LastOrDefault()?.EndsWith("database system is shut down", StringComparison.Ordinal) == true)
                {
                    Directory.Delete(stale, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another run's, or not ours to remove
            }
        }
    }

    /// <summary>
    /// Debian's server binaries, /usr/lib/postgresql/{version}/bin, the newest version first. Not the pg_ctl on the
    /// PATH: that may be another build, and Debian's wrapper scripts want a system cluster. GD_PG_BIN overrides.
    /// </summary>
    private static string? FindBin()
    {
        if (Environment.GetEnvironmentVariable("GD_PG_BIN") is { Length: > 0 } custom)
        {
            return custom;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Dir, "initdb")) && File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Dir)
                .FirstOrDefault()
            : null;
    }

    private static string Install()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/apt-get") || !RunningAsRoot)
        {
            throw new InvalidOperationException(
                "PostgreSQL was not found under /usr/lib/postgresql. Install it (Debian: apt-get install -y postgresql) or set GD_PG_BIN to its bin directory.");
        }

        Run("/bin/sh", "-c", "export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends postgresql");
        return FindBin() ?? throw new InvalidOperationException("apt-get installed postgresql, but no initdb was found under /usr/lib/postgresql.");
    }

    private static bool RunningAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static void RunAsPostgres(string file, params string[] args)
    {
        if (RunningAsRoot)
        {
            Run("runuser", ["-u", Superuser, "--", file, .. args]);
        }
        else
        {
            Run(file, args);
        }
    }

    /// <summary>A TCP port on the loopback interface that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish within 10 minutes.");
        }

        if (process.ExitCode != 0)
        {
            var output = stdout.Result + stderr.Result;
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed (exit {process.ExitCode}):{Environment.NewLine}{(output.Length <= 3000 ? output : output[^3000..])}");
        }
    }
}
