using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Studio.Data.Audit;
using Studio.Data.Accounts;
using Studio.Data.Datasets;
using Studio.Data.Experiments;
using Studio.Data.Jobs;
using Studio.Data.Models;
using Studio.Data.Projections;
using Studio.Data.Segments;
using Studio.Data.Workspaces;

namespace Studio.Data;

public sealed class StudioDbContext(DbContextOptions<StudioDbContext> options) : IdentityDbContext<StudioUser>(options)
{
    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<DatasetColumn> DatasetColumns => Set<DatasetColumn>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<TrainingRun> TrainingRuns => Set<TrainingRun>();
    public DbSet<TrainingEpoch> TrainingEpochs => Set<TrainingEpoch>();
    public DbSet<RegisteredModel> RegisteredModels => Set<RegisteredModel>();
    public DbSet<ModelScoreSet> ModelScoreSets => Set<ModelScoreSet>();
    public DbSet<ExperimentDefinition> ExperimentDefinitions => Set<ExperimentDefinition>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<StoredProjection> ProjectionResults => Set<StoredProjection>();
    public DbSet<Segment> Segments => Set<Segment>();
    public DbSet<SegmentMember> SegmentMembers => Set<SegmentMember>();
    public DbSet<SegmentExport> SegmentExports => Set<SegmentExport>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's users, roles, claims and logins live in the same store as everything else.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StudioDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so queries can sort by time.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
