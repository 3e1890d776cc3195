using GrievanceDesk.Application.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Partners;

public static class PartnersSetup
{
    /// <summary>Partner systems: webhook secrets, the delivery log, and the webhook sender the outbox uses.</summary>
    public static IServiceCollection AddGrievanceDeskPartnerInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IWebhookSecrets, WebhookSecrets>();
        services.AddScoped<IWebhookDeliveryLog, WebhookDeliveryLog>();
        services.AddScoped<WebhookSender>();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        return services;
    }
}
