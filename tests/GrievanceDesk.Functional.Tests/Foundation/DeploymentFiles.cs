using System.Text.Json;
using System.Text.RegularExpressions;

namespace GrievanceDesk.Functional.Tests.Foundation;

/// <summary>The repository's deployment files as the tests read them: the Dockerfile's instructions, stage by stage.</summary>
public static partial class DeploymentFiles
{
    /// <summary>The repository root: the folder above the test binaries that holds GrievanceDesk.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Dockerfile => Path.Combine(Root, "docker", "Dockerfile");

    /// <summary>The Dockerfile's stages, each a list of (instruction, arguments), continuation lines joined, comments dropped.</summary>
    public static IReadOnlyList<IReadOnlyList<(string Instruction, string Arguments)>> DockerStages()
    {
        var stages = new List<List<(string, string)>>();
        var joined = ContinuedLine().Replace(File.ReadAllText(Dockerfile), " ");
        foreach (var line in joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var space = line.IndexOf(' ');
            var instruction = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var arguments = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (instruction == "FROM")
            {
                stages.Add([]);
            }

            stages[^1].Add((instruction, arguments));
        }

        return stages;
    }

    /// <summary>The health check's command as an argument list (the exec form, <c>CMD ["…", …]</c>).</summary>
    public static IReadOnlyList<string> HealthCheckCommand()
    {
        var healthCheck = DockerStages()[^1].Single(i => i.Instruction == "HEALTHCHECK").Arguments;
        var cmd = healthCheck[(healthCheck.IndexOf("CMD ", StringComparison.Ordinal) + 4)..].Trim();
        return JsonSerializer.Deserialize<string[]>(cmd) ?? throw new InvalidOperationException("HEALTHCHECK CMD is not in the exec form.");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GrievanceDesk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GrievanceDesk.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();
}
