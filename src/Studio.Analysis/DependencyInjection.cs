using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Analysis.Artifacts;
using Studio.Analysis.ModelEncoding;
using Studio.Analysis.Ingest;
using Studio.Analysis.Joins;
using Studio.Analysis.Profiling;
using Studio.Analysis.Experiments;
using Studio.Analysis.Experiments.Stored;
using Studio.Analysis.Recipes;
using Studio.Analysis.Segments;

namespace Studio.Analysis;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddStudioAnalysis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStudioAnalysis(IngestOptions.FromConfiguration(builder.Configuration));
        return builder;
    }

    public static IServiceCollection AddStudioAnalysis(this IServiceCollection services, IngestOptions? ingestOptions = null)
    {
        services.AddSingleton(ingestOptions ?? new IngestOptions());
        services.AddSingleton<IDatasetImporter, CsvDatasetImporter>();
        services.AddSingleton<DatasetFrameLoader>();
        services.AddSingleton<DatasetProfiler>();
        services.AddSingleton<DatasetArtifacts>();
        services.AddSingleton<ProfileCache>();
        services.AddSingleton<RecipeService>();
        services.AddSingleton<JoinChecker>();
        services.AddSingleton<EncoderStore>();
        // Experiments
        services.AddSingleton<IExperimentAnalyzer, ExperimentAnalyzer>();
        services.AddSingleton<StoredExperimentAnalyzer>();
        services.AddSingleton<ExperimentDesigner>();
        // Segments
        services.AddSingleton<CustomerTableLoader>();
        services.AddSingleton<ScoreSetReader>();
        services.AddSingleton<SegmentService>();
        return services;
    }
}
