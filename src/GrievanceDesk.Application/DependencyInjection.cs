using FluentValidation;
using GrievanceDesk.Application.Common.Behaviours;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Application;

public static class DependencyInjection
{
    /// <summary>Mediator (source-generated) with the validation and transaction behaviours, and every validator of this assembly.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Outermost first: the caller's role, the request's fields, the transaction, then a case command's own path.
            options.PipelineBehaviors = [typeof(AuthorizationBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>), typeof(Cases.CaseCommandBehaviour<,>)];
        });
        // Field messages in Chinese, the language of the office (our own messages add the English in brackets).
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        services.AddValidatorsFromAssemblyContaining<ValidationBehaviour<IMessage, object>>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<Cases.CaseStore>();
        services.AddScoped<Cases.CurrentCase>();
        services.AddScoped<Cases.Dispatch.AutoAssignment>();
        services.AddScoped<Cases.Dispatch.AssignableCadres>();
        services.AddScoped<Cases.Duplicates.LinkedCase>();
        services.AddScoped<Cases.CaseReader>();
        services.AddScoped<Cases.Search.CaseSearch>();
        services.AddScoped<Cases.CaseRouter>();
        services.AddScoped<ReferenceData.DeadlineRecomputation>();
        services.AddSingleton<Cases.Queries.TrackingAttempts>();
        services.AddScoped<Partners.PartnerWebhooks>();
        return services;
    }
}
