using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Studio.Data.Datasets;
using Studio.Data.Workspaces;

namespace Studio.Data.Segments;

internal sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(SegmentStore.MaxNameLength);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(32);
        builder.HasOne<Workspace>().WithMany().HasForeignKey(s => s.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Dataset>().WithMany().HasForeignKey(s => s.DatasetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.WorkspaceId, s.Name }).IsUnique();
    }
}

internal sealed class SegmentMemberConfiguration : IEntityTypeConfiguration<SegmentMember>
{
    public void Configure(EntityTypeBuilder<SegmentMember> builder)
    {
        builder.ToTable(SegmentStore.MembersTable);
        builder.HasKey(m => new { m.SegmentId, m.Key });
        builder.Property(m => m.Key).HasMaxLength(200);
        builder.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SegmentExportConfiguration : IEntityTypeConfiguration<SegmentExport>
{
    public void Configure(EntityTypeBuilder<SegmentExport> builder)
    {
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => new { e.SegmentId, e.At });
        builder.HasOne<Segment>().WithMany().HasForeignKey(e => e.SegmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
