namespace Studio.Data.Workspaces;

public sealed class Workspace
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Datasets.Dataset> Datasets { get; } = [];
}
