using GrievanceDesk.Application.Notifications;
using GrievanceDesk.Infrastructure.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GrievanceDesk.Infrastructure.Outbox;

public static class OutboxSetup
{
    /// <summary>The outbox (<see cref="IOutbox"/>), the default log-writing gateway, and the outbox-sender job.</summary>
    public static IServiceCollection AddGrievanceDeskOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.AddScoped<IOutbox, EfOutbox>();
        // TryAdd: a real SMS gateway registered before this (or a test's, after) wins.
        services.TryAddSingleton<INotificationGateway, LoggingNotificationGateway>();
        services.AddRecurringJob<OutboxSender>();
        return services;
    }
}
