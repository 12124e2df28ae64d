using Studio.Analysis;
using Studio.Data;
using Studio.Ml;
using Studio.Web;
using Studio.Web.Hosting;

var launch = LaunchOptions.Parse(args);
var builder = WebApplication.CreateBuilder(launch.CreateWebApplicationOptions());
// Packaged assets (_content/, _framework/) from the build manifest in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.AddStudioData();
builder.AddStudioAnalysis();
builder.AddStudioMl();
builder.AddStudioWeb(launch);

var app = builder.Build();
app.UseStudioWeb();
await app.RunAsync();
