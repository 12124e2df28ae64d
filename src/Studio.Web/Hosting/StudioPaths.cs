namespace Studio.Web.Hosting;

/// <summary>
/// Finds the top-level <c>wwwroot/</c> and <c>sample-datasets/</c>. In a clone they sit at the repository root
/// (found by walking up to <c>Studio.sln</c>); in <c>dotnet publish</c> output they are copied beside the app.
/// </summary>
public sealed record StudioPaths(string RepositoryRoot, string WebRoot, string SampleDatasets, string ContentRoot)
{
    public static StudioPaths Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Studio.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                    return FromRoot(dir.FullName, Path.Combine(dir.FullName, "src", "Studio.Web"));
            }
        }
        // Published layout: wwwroot/ and sample-datasets/ beside the application.
        var appDir = AppContext.BaseDirectory;
        return FromRoot(appDir, appDir);
    }

    private static StudioPaths FromRoot(string root, string contentRoot) => new(
        root,
        Path.Combine(root, "wwwroot"),
        Path.Combine(root, "sample-datasets"),
        Directory.Exists(contentRoot) ? contentRoot : root);
}
