using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Studio.Ml.Training;
using Studio.Ml.Service;

namespace Studio.Ml;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddStudioMl(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddStudioMl();
        return builder;
    }

    public static IServiceCollection AddStudioMl(this IServiceCollection services)
    {
        // Stateless: every Train call builds its own model, optimizer and tensors.
        services.AddSingleton<ModelTrainer>();
        // Projections
        services.AddSingleton<Projections.ProjectionRunner>();
        services.AddSingleton<Projections.Vectors.VectorSourceLoader>();
        services.AddSingleton<Projections.Jobs.VectorCache>();
        services.AddSingleton<Projections.Jobs.ProjectionService>();
        services.AddSingleton<Projections.Attributes.ProjectionAttributes>();
        services.AddSingleton<RunFiles>();
        services.AddSingleton<DatasetFeatureLoader>();
        services.AddSingleton<TrainingNotifier>();
        services.AddSingleton<RunRecorder>();
        services.AddSingleton<TrainingRunJob>();
        services.AddSingleton<TrainingService>();
        services.AddSingleton<TrainingRunStore>();
        services.AddSingleton<ModelRegistry>();
        // Behaviour sequences: same run storage, job queue, notifier and registry as the tabular models.
        services.AddSingleton<Sequences.Service.SequenceEventsLoader>();
        services.AddSingleton<Sequences.Service.SequenceRunJob>();
        services.AddSingleton<Sequences.Service.SequenceTrainingService>();
        services.AddSingleton<Sequences.Service.AttentionService>();
        services.AddSingleton<Segments.EmbeddingSegmentation>();
        return services;
    }
}
