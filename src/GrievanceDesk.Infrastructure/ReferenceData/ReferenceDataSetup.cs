using GrievanceDesk.Application.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.ReferenceData;

internal static class ReferenceDataSetup
{
    public static IServiceCollection AddGrievanceDeskReferenceDataCache(this IServiceCollection services)
    {
        services.AddSingleton<ReferenceSnapshotHolder>();
        services.AddScoped<IReferenceData, ReferenceDataCache>();
        return services;
    }
}
