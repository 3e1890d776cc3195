using System.Reflection;
using NetArchTest.Rules;

namespace GrievanceDesk.Architecture.Tests;

/// <summary>Dependencies point inward (docs/architecture.md): each layer is checked on its compiled types.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Domain.Cases.Case).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Data")]
    [InlineData("Hangfire")]
    [InlineData("Mediator")]
    [InlineData("GrievanceDesk.Application")]
    [InlineData("GrievanceDesk.Infrastructure")]
    public void Domain_depends_on_no_framework_and_no_outer_layer(string forbidden) =>
        Offenders(Types.InAssembly(Domain).ShouldNot().HaveDependencyOn(forbidden).GetResult()).ShouldBeEmpty();

    [Theory]
    [InlineData("GrievanceDesk.Infrastructure")]
    [InlineData("GrievanceDesk.Reports")]
    [InlineData("GrievanceDesk.Web")]
    [InlineData("Microsoft.Data")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Hangfire")]
    [InlineData("PdfSharp")]
    public void Application_depends_on_no_adapter(string forbidden) =>
        Offenders(Types.InAssembly(Application).ShouldNot().HaveDependencyOn(forbidden).GetResult()).ShouldBeEmpty();

    [Theory]
    [InlineData("Microsoft.Data")]
    [InlineData("Npgsql")]
    public void Web_matches_no_database_driver(string forbidden) =>
        Offenders(Types.InAssembly(Web).ShouldNot().HaveDependencyOn(forbidden).GetResult()).ShouldBeEmpty();

    private static IEnumerable<string> Offenders(TestResult result) =>
        result.IsSuccessful ? [] : result.FailingTypeNames ?? [];
}
