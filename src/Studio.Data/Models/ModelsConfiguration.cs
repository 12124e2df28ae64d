using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Studio.Data.Models;

internal sealed class TrainingRunConfiguration : IEntityTypeConfiguration<TrainingRun>
{
    public void Configure(EntityTypeBuilder<TrainingRun> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(300);
        builder.Property(r => r.DatasetName).HasMaxLength(300);
        builder.Property(r => r.ModelKind).HasMaxLength(64);
        builder.Property(r => r.Task).HasMaxLength(64);
        builder.Property(r => r.TargetColumn).HasMaxLength(500);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(r => r.WorkspaceId);
        builder.HasIndex(r => r.JobId);
        builder.HasMany(r => r.Epochs).WithOne().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingEpochConfiguration : IEntityTypeConfiguration<TrainingEpoch>
{
    public void Configure(EntityTypeBuilder<TrainingEpoch> builder) =>
        builder.HasIndex(e => new { e.RunId, e.Epoch }).IsUnique();
}

internal sealed class RegisteredModelConfiguration : IEntityTypeConfiguration<RegisteredModel>
{
    public void Configure(EntityTypeBuilder<RegisteredModel> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.HasIndex(m => new { m.WorkspaceId, m.Name, m.Version }).IsUnique();
        builder.HasOne<TrainingRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModelScoreSetConfiguration : IEntityTypeConfiguration<ModelScoreSet>
{
    public void Configure(EntityTypeBuilder<ModelScoreSet> builder)
    {
        builder.HasIndex(s => s.ModelId);
        builder.HasOne<RegisteredModel>().WithMany().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.Cascade);
    }
}
