using System.Reflection;
using FluentValidation;
using GrievanceDesk.Application.Common;
using GrievanceDesk.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// A page of the staff UI. <see cref="Attempt"/> sends a request and turns what the API would answer with 400/403/404/409
/// into what a person reads: field errors next to their fields (ModelState, keyed like the form's inputs) and a refused
/// action's reason next to that action's form.
/// </summary>
public abstract partial class UiPageModel : PageModel
{
    private readonly Dictionary<string, List<string>> _formErrors = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A one-time message after a successful write (post, redirect, get).</summary>
    [TempData]
    public string? Flash { get; set; }

    /// <summary>The form that failed on this request, so the page can open it.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>The refusal messages of a form (a broken rule, a concurrent change, an error without a field of its own).</summary>
    public IReadOnlyList<string> ErrorsOf(string form) => _formErrors.TryGetValue(form, out var list) ? list : [];

    /// <summary>
    /// Sends a request on behalf of the form <paramref name="form"/>, whose inputs are named
    /// <paramref name="prefix"/>.Property and bound to <typeparamref name="TForm"/>. False when it was refused.
    /// </summary>
    protected async Task<bool> Attempt<TForm>(string form, string prefix, Func<Task> send)
    {
        if (!ModelState.IsValid)
        {
            // A value the form could not even bind (letters in a number field): already next to its field.
            FailedForm = form;
            return false;
        }

        return await TrySend<TForm>(form, prefix, send);
    }

    /// <summary>
    /// <see cref="Attempt"/> whatever else on the page failed: for the reads that fill a page again after a failed
    /// form (a refused post must not leave the rest of the page empty).
    /// </summary>
    protected async Task<bool> TrySend<TForm>(string form, string prefix, Func<Task> send)
    {
        try
        {
            await send();
            return true;
        }
        catch (ValidationException v)
        {
            foreach (var error in v.Errors)
            {
                if (FieldKey(typeof(TForm), prefix, error.PropertyName) is { } key)
                {
                    ModelState.AddModelError(key, BesideField(error.ErrorMessage));
                }
                else
                {
                    Refuse(form, error.ErrorMessage);
                }
            }
        }
        catch (DomainRuleException e)
        {
            Refuse(form, e.Message);
        }
        catch (ConflictException e)
        {
            Refuse(form, e.Message);
        }
        catch (ForbiddenException e)
        {
            Refuse(form, e.Message);
        }
        catch (NotFoundException e)
        {
            Refuse(form, e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            Refuse(form, "该案件已被其他人修改，请刷新后重试 (the record was changed by someone else).");
        }
        catch (UniqueKeyConflictException e)
        {
            Refuse(form, e.Message);
        }
        catch (TooManyAttemptsException e)
        {
            Refuse(form, e.Message);
        }

        FailedForm = form;
        return false;
    }

    /// <summary>Opens the form again after a refusal whose messages are already in ModelState.</summary>
    protected void MarkFailed(string form) => FailedForm ??= form;

    protected void Refuse(string form, string message)
    {
        message = ChineseOnly(message);
        FailedForm = form;
        if (!_formErrors.TryGetValue(form, out var list))
        {
            _formErrors[form] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// FluentValidation's own messages name the property in English ("'Address' 不能为空。"); next to the field its
    /// Chinese label already says which one, so the name becomes "此项" (this field).
    /// </summary>
    internal static string BesideField(string message) =>
        ChineseOnly(message.StartsWith('\'') && message.IndexOf('\'', 1) is > 1 and var end
            ? "此项" + message[(end + 1)..].TrimStart()
            : message);

    /// <summary>
    /// The API's messages carry an English gloss for integrators ("请说明事由 (a reason is required)."); a person at the
    /// desk reads the Chinese only. A US-style date (11/20/2026) is written the Chinese way (2026-11-20).
    /// </summary>
    internal static string ChineseOnly(string message)
    {
        var chinese = EnglishGloss().Replace(message, string.Empty);
        chinese = UsDate().Replace(chinese, m => $"{m.Groups[3].Value}-{int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture):00}-{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture):00}");
        chinese = chinese.TrimEnd().TrimEnd('.');
        if (chinese.Length == 0)
        {
            return message;
        }

        return "。！？”）".Contains(chinese[^1]) || chinese[^1] < 0x2E80 ? chinese : chinese + "。";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\((?=[^()]*[A-Za-z]{2})[^()\u2E80-\u9FFF]*\)")]
    private static partial System.Text.RegularExpressions.Regex EnglishGloss();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")]
    private static partial System.Text.RegularExpressions.Regex UsDate();

    /// <summary>
    /// "Complainants[0].Phone" on a form bound as "Input" becomes "Input.Complainants[0].Phone" when the form has that
    /// input; null when it has not (the message is then shown with the form as a whole).
    /// </summary>
    internal static string? FieldKey(Type formType, string prefix, string propertyName)
    {
        if (string.IsNullOrEmpty(propertyName))
        {
            return null;
        }

        var type = formType;
        var path = new List<string>();
        foreach (var segment in propertyName.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? segment[..bracket] : segment;
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }

            path.Add(property.Name + (bracket >= 0 ? segment[bracket..] : string.Empty));
            type = ElementType(property.PropertyType);
        }

        return string.IsNullOrEmpty(prefix) ? string.Join('.', path) : $"{prefix}.{string.Join('.', path)}";
    }

    private static Type ElementType(Type type)
    {
        if (type != typeof(string) && type.IsGenericType && type.GetGenericArguments() is [var element])
        {
            return Nullable.GetUnderlyingType(type) ?? element;
        }

        return type.IsArray ? type.GetElementType()! : type;
    }
}
