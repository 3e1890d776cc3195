using GrievanceDesk.Application.Cases.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Search;

internal static class SearchSetup
{
    /// <summary>The full-text search of the configured provider.</summary>
    public static IServiceCollection AddGrievanceDeskSearch(this IServiceCollection services, DatabaseProvider provider)
    {
        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddScoped<ICaseTextSearch, SqlServerCaseTextSearch>();
                break;
            case DatabaseProvider.PostgreSql:
                services.AddScoped<ICaseTextSearch, PostgreSqlCaseTextSearch>();
                break;
            default:
                services.AddScoped<ICaseTextSearch, SqliteCaseTextSearch>();
                break;
        }

        return services;
    }
}
