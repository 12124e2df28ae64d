using System.Text.Json.Serialization;
using MudBlazor.Services;
using Studio.Web.Accounts;
using Studio.Web.Api;
using Studio.Web.Audit;
using Studio.Web.Hosting;
using Studio.Web.Security;
using Studio.Web.Workspaces;

namespace Studio.Web;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddStudioWeb(this IHostApplicationBuilder builder, LaunchOptions launch)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(launch);
        builder.Services.AddSingleton(launch);
        builder.Services.AddSingleton(StudioPaths.Locate());
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // An undefined metric (AUC on a one-class test set) is NaN, not a serialization failure.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        builder.Services.AddScoped<WorkspaceState>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddSingleton<DemoWorkspaceSeeder>();
        builder.Services.AddHostedService<StartupTasks>();
        builder.Services.AddStudioHardening();
        builder.AddStudioAccounts(launch);
        if (launch.Desktop) DesktopLauncher.Configure(builder);
        return builder;
    }

    public static WebApplication UseStudioWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStudioHardening();
        // Packaged assets (_content/MudBlazor, _content/Plotly.Blazor, _framework) come from the static web assets
        // manifest; the top-level wwwroot/ is the web root itself.
        app.UseStaticFiles();
        app.UseStudioAccounts();
        app.UseStudioRateLimits();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapStudioAccounts();
        app.MapStudioApi();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        return app;
    }
}
