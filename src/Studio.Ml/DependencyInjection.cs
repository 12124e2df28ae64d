using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        // Projections
        services.AddSingleton<Projections.ProjectionRunner>();
        return services;
    }
}
