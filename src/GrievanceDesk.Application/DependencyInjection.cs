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
            options.PipelineBehaviors = [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });
        // Field messages in Chinese, the language of the office (our own messages add the English in brackets).
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        services.AddValidatorsFromAssemblyContaining<ValidationBehaviour<IMessage, object>>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<Cases.CaseWorkbench>();
        services.AddScoped<Cases.CaseReader>();
        services.AddScoped<Cases.Search.CaseSearch>();
        services.AddScoped<Cases.CaseRouter>();
        services.AddScoped<ReferenceData.DeadlineRecomputation>();
        services.AddSingleton<Cases.Queries.TrackingAttempts>();
        services.AddScoped<Partners.PartnerWebhooks>();
        return services;
    }
}
