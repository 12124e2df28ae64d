namespace Studio.Data.Storage;

/// <summary>Where Studio keeps its database and files: <c>Studio:DataDir</c> or <c>STUDIO_DATA_DIR</c>.</summary>
public sealed class StudioStorageOptions
{
    public const string ConfigurationKey = "Studio:DataDir";
    public const string EnvironmentVariable = "STUDIO_DATA_DIR";

    public required string DataDir { get; init; }

    public string DatabasePath => Path.Combine(DataDir, "studio.db");
    public string UploadsDir => Path.Combine(DataDir, "uploads");
    public string ModelsDir => Path.Combine(DataDir, "models");

    public string ConnectionString => $"Data Source={DatabasePath};Default Timeout=60";

    public static string DefaultDataDir() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.Create), "Studio");

    /// <summary>Configuration wins over the environment variable, which wins over the default.</summary>
    public static StudioStorageOptions Resolve(string? configured, string? environment)
    {
        var dir = !string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(environment) ? environment
            : DefaultDataDir();
        return new StudioStorageOptions { DataDir = Path.GetFullPath(dir) };
    }
}
