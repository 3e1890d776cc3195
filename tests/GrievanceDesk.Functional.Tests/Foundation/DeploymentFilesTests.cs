using System.Reflection;
using System.Text.RegularExpressions;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Infrastructure;
using GrievanceDesk.Web.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>
/// No Docker engine runs here, so the image and the compose files are checked offline for what can be: the build
/// copies only what exists, the runtime stage installs no package tied to one distribution release (the libicu72 that
/// broke on the .NET 10 Ubuntu images), the health check is a command the app has, and every setting the compose
/// files give the app is one the app reads. The probe itself runs against a live instance in the PostgreSQL project.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    public static readonly TheoryData<string> ComposeFiles = ["compose.sqlserver.yaml", "compose.postgresql.yaml"];

    [Fact]
    public void Every_COPY_source_of_the_Dockerfile_exists_in_the_repository()
    {
        var copies = DeploymentFiles.DockerStages().SelectMany(s => s).Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)).ToList();

        copies.ShouldNotBeEmpty();
        foreach (var (_, arguments) in copies)
        {
            var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[..^1])
            {
                var path = Path.Combine(DeploymentFiles.Root, source);
                (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"COPY {source}: not in the repository");
            }
        }

        // The project it publishes is among what it copies.
        var publish = DeploymentFiles.DockerStages()[0].Single(i => i.Instruction == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        File.Exists(Path.Combine(DeploymentFiles.Root, PublishedProject().Match(publish).Value)).ShouldBeTrue(publish);
    }

    [Fact]
    public void The_runtime_stage_installs_no_package_tied_to_a_distribution_release()
    {
        var runtime = DeploymentFiles.DockerStages()[^1];
        runtime[0].Arguments.ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:10.0");

        var installed = runtime.Where(i => i.Instruction == "RUN")
            .SelectMany(i => PackageInstall().Matches(i.Arguments))
            .SelectMany(m => m.Groups["packages"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => !p.StartsWith('-') && p != "&&")
            .ToList();
        // libicu72, libssl3, libssl1.1…: a name that ends in a version exists in one release of one distribution only.
        installed.Where(p => VersionedPackage().IsMatch(p)).ShouldBeEmpty();
        File.ReadAllText(DeploymentFiles.Dockerfile).ShouldNotContain("libicu72");
    }

    [Fact]
    public void The_health_check_is_the_apps_own_probe_of_the_ready_endpoint()
    {
        var entrypoint = DeploymentFiles.DockerStages()[^1].Single(i => i.Instruction == "ENTRYPOINT").Arguments;
        var command = DeploymentFiles.HealthCheckCommand();
        var appDll = typeof(Program).Assembly.GetName().Name + ".dll";

        command.Count.ShouldBe(4);
        command[0].ShouldBe("dotnet");
        command[1].ShouldBe(appDll);
        entrypoint.ShouldContain($"\"{appDll}\"");
        command[2].ShouldBe(HealthProbe.Option);
        HealthProbe.Requested([.. command.Skip(2)], out var url).ShouldBeTrue();
        new Uri(url).AbsolutePath.ShouldBe("/health/ready");
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void A_compose_file_has_a_database_a_migrate_step_two_instances_and_a_load_balancer(string file)
    {
        var services = Services(file);

        services.Keys.ShouldContain("migrate");
        Scalars(services["migrate"], "command").ShouldContain("--migrate-only");
        Scalar(services["migrate"], "build", "dockerfile").ShouldBe("docker/Dockerfile");
        foreach (var app in new[] { "app1", "app2" })
        {
            Environment(services[app])["Database__MigrateOnStart"].ShouldBe("false");
            Scalars(services[app], "depends_on").ShouldContain("migrate");
        }

        Scalars(services["lb"], "depends_on").ShouldBe(["app1", "app2"], ignoreOrder: true);
        var upstreams = Regex.Matches(File.ReadAllText(Path.Combine(DeploymentFiles.Root, "docker", "nginx.conf")), @"server\s+(\w+):8080").Select(m => m.Groups[1].Value);
        upstreams.ShouldBe(["app1", "app2"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(ComposeFiles))]
    public void Every_setting_a_compose_file_gives_the_app_is_one_the_app_reads(string file)
    {
        var known = KnownSettings();
        var apps = Services(file).Where(s => s.Key is "migrate" or "app1" or "app2").ToList();

        apps.Count.ShouldBe(3);
        foreach (var (name, service) in apps)
        {
            var environment = Environment(service);
            environment.Keys.ShouldContain("Database__Provider");
            Enum.Parse<DatabaseProvider>(environment["Database__Provider"]).ShouldNotBe(DatabaseProvider.Sqlite);
            foreach (var key in environment.Keys)
            {
                var setting = string.Join(':', key.Split("__").Where(p => !p.All(char.IsAsciiDigit))); // Encryption__PreviousKeys__0 → Encryption:PreviousKeys
                (key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || known.Contains(setting))
                    .ShouldBeTrue($"{file}: service {name} sets {key}, which the app does not read");
            }
        }
    }

    /// <summary>
    /// The settings the app reads: every property of an options class (one with a <c>Section</c> constant) and every key
    /// read directly with <c>GetValue("…")</c> in the sources.
    /// </summary>
    private static HashSet<string> KnownSettings()
    {
        var assemblies = new[] { typeof(Program).Assembly, typeof(DatabaseOptions).Assembly, typeof(StatsOptions).Assembly };
        var known = assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(t => t.Section is not null)
            .SelectMany(t => t.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{t.Section}:{p.Name}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var source in Directory.EnumerateFiles(Path.Combine(DeploymentFiles.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            known.UnionWith(DirectRead().Matches(File.ReadAllText(source)).Select(m => m.Groups[1].Value));
        }

        known.ShouldContain("Database:ConnectionString");
        known.ShouldContain("Database:MigrateOnStart");
        return known;
    }

    private static Dictionary<string, YamlMappingNode> Services(string file)
    {
        using var reader = new StreamReader(Path.Combine(DeploymentFiles.Root, "docker", file));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        return services.Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value);
    }

    /// <summary>A service's environment, with YAML merge keys (<c>&lt;&lt;: *app-environment</c>) resolved.</summary>
    private static Dictionary<string, string> Environment(YamlMappingNode service)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                if (((YamlScalarNode)key).Value == "<<")
                {
                    Add((YamlMappingNode)value);
                }
                else
                {
                    environment[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value ?? string.Empty;
                }
            }
        }

        Add((YamlMappingNode)service["environment"]);
        return environment;
    }

    /// <summary>The scalars under a key: a list's items, or a mapping's keys (depends_on with conditions).</summary>
    private static List<string> Scalars(YamlMappingNode service, string key) => service[key] switch
    {
        YamlSequenceNode list => list.Children.Select(c => ((YamlScalarNode)c).Value!).ToList(),
        YamlMappingNode map => map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList(),
        YamlScalarNode scalar => [scalar.Value!],
        var other => throw new InvalidOperationException($"{key}: unexpected {other.NodeType}"),
    };

    private static string? Scalar(YamlMappingNode service, string key, string child) => ((YamlScalarNode)((YamlMappingNode)service[key])[child]).Value;

    [GeneratedRegex(@"(?:apt-get|apt)\s+install\s+(?<packages>[^;&|]+)|apk\s+add\s+(?<packages>[^;&|]+)|(?:dnf|yum|microdnf)\s+install\s+(?<packages>[^;&|]+)")]
    private static partial Regex PackageInstall();

    [GeneratedRegex(@"\d+(\.\d+)*$")]
    private static partial Regex VersionedPackage();

    [GeneratedRegex(@"src/[\w./]+\.csproj")]
    private static partial Regex PublishedProject();

    [GeneratedRegex("GetValue(?:<[^>]+>)?\\(\"([A-Za-z]+(?::[A-Za-z0-9-]+)+)\"")]
    private static partial Regex DirectRead();
}
