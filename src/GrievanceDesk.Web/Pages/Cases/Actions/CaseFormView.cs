using System.Linq.Expressions;
using GrievanceDesk.Application.Cases;
using Microsoft.AspNetCore.Html;

namespace GrievanceDesk.Web.Pages.Cases.Actions;

/// <summary>
/// What an action's partial view draws from: the case, the form's name, what was posted (after a refusal) or a fresh
/// input, the field errors beside each field and the refusals beside the form.
/// </summary>
public sealed class CaseFormView<TInput>(DetailModel page, CaseForm<TInput> form, TInput input)
    where TInput : VersionForm, new()
{
    public DetailModel Page => page;

    public CaseDetailDto Case => page.Case;

    public CaseForm<TInput> Form => form;

    /// <summary>What the failed post sent, to show again; a fresh input otherwise.</summary>
    public TInput Input => input;

    /// <summary>"open" on the form's &lt;details&gt; when it was this form that failed.</summary>
    public string Open => page.FailedForm == form.Name ? "open" : string.Empty;

    public string Field<TValue>(Expression<Func<TInput, TValue>> property) => form.Field(property);

    public string Id<TValue>(Expression<Func<TInput, TValue>> property) => form.Id(property);

    /// <summary>The field's errors, beside it.</summary>
    public IHtmlContent Errors<TValue>(Expression<Func<TInput, TValue>> property)
    {
        var html = new HtmlContentBuilder();
        foreach (var error in page.ModelState[form.Field(property)]?.Errors ?? [])
        {
            html.AppendHtml("<span class=\"field-error\">").Append(error.ErrorMessage).AppendHtml("</span>");
        }

        return html;
    }

    /// <summary>Why the action was refused (a broken rule, a concurrent change), beside the form.</summary>
    public IHtmlContent Refusals()
    {
        var html = new HtmlContentBuilder();
        foreach (var message in page.ErrorsOf(form.Name))
        {
            html.AppendHtml("<div class=\"alert alert-error alert-sm\" role=\"alert\" data-testid=\"action-error\">").Append(message).AppendHtml("</div>");
        }

        return html;
    }

    /// <summary>The version the page was read at, posted back with the form.</summary>
    public IHtmlContent Version() => new HtmlContentBuilder()
        .AppendHtml("<input type=\"hidden\" name=\"").Append(form.Field(f => f.Version)).AppendHtml("\" value=\"")
        .Append(Case.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).AppendHtml("\" />");
}
