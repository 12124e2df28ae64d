using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Analysis.Experiments;

namespace Studio.Analysis;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddStudioAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStudioAnalysis();
        return builder;
    }

    public static IServiceCollection AddStudioAnalysis(this IServiceCollection services)
    {
        // Ingest
        // Experiments
        services.AddSingleton<IExperimentAnalyzer, ExperimentAnalyzer>();
        return services;
    }
}
