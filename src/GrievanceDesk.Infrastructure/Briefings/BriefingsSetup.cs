using GrievanceDesk.Application.Briefings;
using GrievanceDesk.Application.Stats;
using GrievanceDesk.Infrastructure.Jobs;
using GrievanceDesk.Reports.Briefings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GrievanceDesk.Infrastructure.Briefings;

public static class BriefingsSetup
{
    /// <summary>
    /// Statistics and the weekly briefing: the settings (section "Stats"), the hot-issue finder, the briefing's builder,
    /// renderer (stateless: one for the process) and archive, and the <c>weekly-briefing</c> job, Monday 06:00 CST
    /// unless <c>Jobs:Cron:weekly-briefing</c> says otherwise.
    /// </summary>
    public static IServiceCollection AddGrievanceDeskStatsAndBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StatsOptions>(configuration.GetSection(StatsOptions.Section));
        services.AddSingleton<StatsRunner>();
        services.Configure<BriefingOptions>(configuration.GetSection(BriefingOptions.Section));
        services.AddScoped<HotIssueFinder>();
        services.AddScoped<WeeklyBriefingBuilder>();
        services.AddScoped<WeeklyBriefingPublisher>();
        services.AddScoped<IBriefingArchive, EfBriefingArchive>();
        services.AddSingleton<IBriefingRenderer, PdfSharpBriefingRenderer>();
        services.AddRecurringJob<WeeklyBriefingJob>();
        services.PostConfigure<JobsOptions>(o => o.Cron.TryAdd(WeeklyBriefingJob.JobId, WeeklyBriefingJob.DefaultCron));
        services.AddScoped<Application.Stats.Rollup.StockSnapshots>();
        services.AddScoped<Stats.StatsRebuild>();
        services.AddRecurringJob<Stats.StockSnapshotJob>();
        services.PostConfigure<JobsOptions>(o => o.Cron.TryAdd(Stats.StockSnapshotJob.JobId, Stats.StockSnapshotJob.DefaultCron));
        return services;
    }
}
