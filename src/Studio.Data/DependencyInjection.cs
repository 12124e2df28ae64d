using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Studio.Data.Audit;
using Studio.Data.Datasets;
using Studio.Data.Experiments;
using Studio.Data.Jobs;
using Studio.Data.Segments;
using Studio.Data.Storage;

namespace Studio.Data;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddStudioData(this IHostApplicationBuilder builder)
    {
        var options = StudioStorageOptions.Resolve(
            builder.Configuration[StudioStorageOptions.ConfigurationKey],
            Environment.GetEnvironmentVariable(StudioStorageOptions.EnvironmentVariable));
        builder.Services.AddStudioData(options);
        return builder;
    }

    public static IServiceCollection AddStudioData(this IServiceCollection services, StudioStorageOptions options)
    {
        services.AddSingleton(options);
        services.AddDbContextFactory<StudioDbContext>(db => db.UseSqlite(options.ConnectionString));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatasetTableStore>();
        services.AddSingleton<DatasetRepository>();
        services.AddSingleton<DatasetCatalog>();
        services.AddSingleton<UploadStore>();
        services.AddSingleton<ExperimentRepository>();
        services.AddSingleton<ShareLinkService>();
        services.AddSingleton<Accounts.ApiTokenStore>();
        services.AddSingleton<Projections.ProjectionStore>();
        services.AddSingleton<Projections.ProjectionFiles>();
        services.AddSingleton<SegmentStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JobNotifier>();
        services.AddSingleton<JobQueue>();
        services.AddHostedService<JobWorker>();
        return services;
    }
}
