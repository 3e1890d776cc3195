using GrievanceDesk.Application.Briefings;
using Microsoft.AspNetCore.Mvc;

namespace GrievanceDesk.Web.Infrastructure;

/// <summary>
/// The staff web UI (docs/product.md §9): Razor Pages under Pages/, signed in with the cookie, sending the same Mediator requests
/// as the API. Binding messages are in Chinese; field rules live in the FluentValidation validators, not in the pages.
/// </summary>
internal static class PagesSetup
{
    public static IServiceCollection AddGrievanceDeskPages(this IServiceCollection services)
    {
        services.AddRazorPages().AddMvcOptions(o =>
        {
            // The validators of the Application layer decide what is required; a non-nullable property of a form
            // model must not add an English "field is required" of its own.
            o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            o.ModelBinderProviders.Insert(0, new CalendarRangeBinderProvider(o.ModelBinderProviders));
            var m = o.ModelBindingMessageProvider;
            m.SetValueMustBeANumberAccessor(_ => "请输入数字。");
            m.SetAttemptedValueIsInvalidAccessor((value, _) => $"“{value}”不是有效的值。");
            m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
            m.SetUnknownValueIsInvalidAccessor(_ => "取值无效。");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "取值无效。");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请输入数字。");
            m.SetValueMustNotBeNullAccessor(_ => "此项必填。");
            m.SetMissingBindRequiredValueAccessor(_ => "此项必填。");
            m.SetMissingKeyOrValueAccessor(() => "此项必填。");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容为空。");
        });
        return services;
    }

    public static WebApplication MapGrievanceDeskPages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
        // The CJK font the briefing embeds, for browsers with no Chinese font of their own (a bare Linux, a kiosk):
        // the stylesheet names it last, after the system fonts, so a browser fetches it only when it has none.
        app.MapGet("/fonts/{file:regex(^NotoSansSC_(400Regular|700Bold)\\.ttf$)}", (string file, HttpResponse response) =>
        {
            var assembly = typeof(RankingMark).Assembly;
            var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + file, StringComparison.Ordinal));
            if (name is null || assembly.GetManifestResourceStream(name) is not { } stream)
            {
                return Results.NotFound();
            }

            response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Stream(stream, "font/ttf");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
