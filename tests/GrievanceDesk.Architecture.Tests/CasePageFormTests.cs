using System.Reflection;
using GrievanceDesk.Web.Pages.Cases;
using GrievanceDesk.Web.Pages.Cases.Actions;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Architecture.Tests;

/// <summary>
/// The case page's forms are declared once (<see cref="CaseForms"/>): each has its partial view, and a handler on the
/// page whose name and bound prefix are the form's name and whose input is the form's; no handler is left without a form.
/// </summary>
public sealed class CasePageFormTests
{
    private static readonly IReadOnlyList<MethodInfo> Handlers = typeof(DetailModel)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))
        .ToList();

    [Fact]
    public void Every_form_has_a_handler_that_binds_its_input_under_its_name()
    {
        CaseForms.All.Count.ShouldBeGreaterThanOrEqualTo(22);
        foreach (var form in CaseForms.All)
        {
            var handler = Handlers.SingleOrDefault(m => m.Name == $"OnPost{form.Name}Async");
            handler.ShouldNotBeNull($"DetailModel has no OnPost{form.Name}Async for the form {form.Name}");

            var input = form.GetType().GetGenericArguments().Single();
            var bound = handler.GetParameters().Where(p => p.GetCustomAttribute<BindAttribute>() is not null).ToList();
            foreach (var parameter in bound)
            {
                parameter.GetCustomAttribute<BindAttribute>()!.Prefix.ShouldBe(form.Name, $"{handler.Name} binds {parameter.Name}");
                parameter.ParameterType.ShouldBe(input, $"{handler.Name} binds what the form {form.Name} posts");
            }

            if (input != typeof(AttachForm))
            {
                bound.Count.ShouldBe(1, $"{handler.Name} binds the form's input");
            }
        }
    }

    [Fact]
    public void Every_handler_of_the_case_page_is_a_declared_form()
    {
        var names = CaseForms.All.Select(f => $"OnPost{f.Name}Async").ToHashSet();

        Handlers.Select(m => m.Name).Where(n => !names.Contains(n)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_form_has_its_partial_view()
    {
        var views = typeof(DetailModel).Assembly.GetCustomAttributesData()
            .Where(a => a.AttributeType.Name == "RazorCompiledItemAttribute")
            .Select(a => (string)a.ConstructorArguments[2].Value!)
            .ToHashSet(StringComparer.Ordinal);

        CaseForms.All.Select(f => $"/Pages/Cases/{f.Partial}.cshtml").Where(v => !views.Contains(v)).ShouldBeEmpty();
    }

    [Fact]
    public void Each_form_is_named_for_the_field_that_declares_it()
    {
        var fields = typeof(CaseForms).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType.IsAssignableTo(typeof(CaseForm)));

        fields.ShouldAllBe(f => ((CaseForm)f.GetValue(null)!).Name == f.Name);
    }
}
