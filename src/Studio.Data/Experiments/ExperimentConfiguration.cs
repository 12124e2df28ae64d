using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Data.Datasets;
using Studio.Data.Workspaces;

namespace Studio.Data.Experiments;

internal sealed class ExperimentDefinitionConfiguration : IEntityTypeConfiguration<ExperimentDefinition>
{
    public void Configure(EntityTypeBuilder<ExperimentDefinition> builder)
    {
        builder.ToTable("Experiments");
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.ControlVariant).HasMaxLength(300);
        builder.Property(e => e.Decision).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(e => e.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.WorkspaceId, e.Name });
    }
}

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.Property(s => s.TokenHash).HasMaxLength(32);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasOne<ExperimentDefinition>().WithMany().HasForeignKey(s => s.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}
