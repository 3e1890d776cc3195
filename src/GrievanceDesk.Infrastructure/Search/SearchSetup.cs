using GrievanceDesk.Application.Cases.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Search;

internal static class SearchSetup
{
    /// <summary>The full-text search of the configured provider.</summary>
    public static IServiceCollection AddGrievanceDeskSearch(this IServiceCollection services, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            services.AddScoped<ICaseTextSearch, SqlServerCaseTextSearch>();
        }
        else
        {
            services.AddScoped<ICaseTextSearch, SqliteCaseTextSearch>();
        }

        return services;
    }
}
