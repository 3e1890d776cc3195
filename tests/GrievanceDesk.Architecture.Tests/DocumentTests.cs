using System.Text.RegularExpressions;

namespace GrievanceDesk.Architecture.Tests;

/// <summary>
/// The product's documents are in the repository (docs/), and what the code cites resolves there: every
/// "docs/product.md §N" names a numbered heading of docs/product.md, and nothing points outside the repository.
/// </summary>
public sealed partial class DocumentTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Every_section_reference_resolves_to_a_heading_of_the_product_document()
    {
        var sections = SectionHeading().Matches(File.ReadAllText(Path.Combine(Root, "docs", "product.md")))
            .Select(m => m.Groups[1].Value)
            .ToHashSet();
        sections.Count.ShouldBeGreaterThanOrEqualTo(12);

        var unresolved = SourceFiles()
            .SelectMany(file => SectionReference().Matches(File.ReadAllText(file))
                .Select(m => (File: Path.GetRelativePath(Root, file), Section: m.Groups[1].Value)))
            .Where(r => !sections.Contains(r.Section))
            .Select(r => $"{r.File}: §{r.Section}")
            .ToList();

        unresolved.ShouldBeEmpty();
    }

    [Fact]
    public void Nothing_cites_the_brief_outside_the_repository()
    {
        var outside = SourceFiles()
            .Where(file => OutsideReference().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(Root, file))
            .ToList();

        outside.ShouldBeEmpty();
    }

    [Fact]
    public void The_architecture_page_and_at_least_six_decision_records_exist()
    {
        File.Exists(Path.Combine(Root, "docs", "architecture.md")).ShouldBeTrue();
        Directory.GetFiles(Path.Combine(Root, "docs", "adr"), "0*.md").Length.ShouldBeGreaterThanOrEqualTo(6);
    }

    /// <summary>Every text file of the repository that the code or its documents are written in.</summary>
    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests", "reports", "migrations", "docker", "docs", ".ci" }
            .Select(d => Path.Combine(Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Concat([Path.Combine(Root, "README.md")])
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains("node_modules")
                && !f.Contains("test-output")
                && Path.GetFileName(f) != "DocumentTests.cs"
                && TextExtensions.Contains(Path.GetExtension(f)));

    private static readonly HashSet<string> TextExtensions =
        [".cs", ".cshtml", ".md", ".json", ".yaml", ".yml", ".js", ".css", ".csproj", ".props", ".conf", ".sh", ""];

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GrievanceDesk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (GrievanceDesk.sln) was not found.");
    }

    [GeneratedRegex(@"^##\s+(\d+)\.", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    // "§3", "§ 10", "§5." — any section sign followed by a number cites docs/product.md.
    [GeneratedRegex(@"§\s?(\d+)")]
    private static partial Regex SectionReference();

    [GeneratedRegex(@"shared[/](SPEC|STYLE)|\.\.[/]shared|SPEC §|SPEC\.md")]
    private static partial Regex OutsideReference();
}
