using System.Reflection;
using GrievanceDesk.Application.Cases;
using GrievanceDesk.Domain.Cases;
using Mediator;

namespace GrievanceDesk.Architecture.Tests;

/// <summary>Every command on a case goes the one path (docs/architecture.md, "the path of a command").</summary>
public sealed class CaseCommandTests
{
    private static readonly Assembly Application = typeof(ICaseCommand).Assembly;

    private static readonly IReadOnlyList<Type> CaseCommands =
        Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICaseCommand).IsAssignableFrom(t)).ToList();

    [Fact]
    public void There_are_case_commands()
    {
        CaseCommands.Count.ShouldBeGreaterThan(20);
    }

    [Fact]
    public void Every_case_command_declares_the_action_it_performs()
    {
        foreach (var command in CaseCommands)
        {
            var action = command.GetProperty("Action", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            action.ShouldBeOfType<CaseAction>($"{command.Name} declares no action");
            Enum.IsDefined((CaseAction)action).ShouldBeTrue(command.Name);
        }
    }

    [Fact]
    public void Every_case_command_has_exactly_one_handler_and_it_is_a_case_command_handler()
    {
        var handlers = Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).ToList();
        foreach (var command in CaseCommands)
        {
            var contract = typeof(ICommandHandler<,>).MakeGenericType(command, typeof(CaseDetailDto));
            var found = handlers.Where(contract.IsAssignableFrom).ToList();
            found.Count.ShouldBe(1, $"{command.Name} has {found.Count} handlers");
            found[0].BaseType.ShouldBe(typeof(CaseCommandHandler<>).MakeGenericType(command), $"{found[0].Name} does not derive from CaseCommandHandler");
        }
    }

    [Fact]
    public void No_command_answers_a_case_without_being_a_case_command()
    {
        var strays = Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommand<CaseDetailDto>).IsAssignableFrom(t) && !typeof(ICaseCommand).IsAssignableFrom(t))
            .Select(t => t.Name)
            .ToList();
        strays.ShouldBeEmpty();
    }
}
