using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Data.Models;

namespace Studio.Data.Projections;

internal sealed class StoredProjectionConfiguration : IEntityTypeConfiguration<StoredProjection>
{
    public void Configure(EntityTypeBuilder<StoredProjection> builder)
    {
        builder.ToTable("ProjectionResults");
        builder.Property(p => p.SourceKey).HasMaxLength(600);
        builder.Property(p => p.SourceVersion).HasMaxLength(100);
        builder.Property(p => p.RequestKey).HasMaxLength(1000);
        builder.Property(p => p.Method).HasMaxLength(16);
        builder.Property(p => p.EntityLabel).HasMaxLength(500);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => new { p.TrainingRunId, p.SourceKey, p.SourceVersion, p.RequestKey });
        builder.HasIndex(p => p.WorkspaceId);
        builder.HasOne<TrainingRun>().WithMany().HasForeignKey(p => p.TrainingRunId).OnDelete(DeleteBehavior.Cascade);
    }
}
