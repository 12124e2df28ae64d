using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Studio.Data.Datasets;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(300);
        builder.Property(d => d.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.TableName).HasMaxLength(64);
        builder.HasIndex(d => d.TableName).IsUnique();
        builder.HasIndex(d => new { d.WorkspaceId, d.Name, d.Version }).IsUnique();
        builder.HasOne(d => d.Parent).WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Columns).WithOne().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Columns).AutoInclude();
    }
}

internal sealed class DatasetColumnConfiguration : IEntityTypeConfiguration<DatasetColumn>
{
    public void Configure(EntityTypeBuilder<DatasetColumn> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(500);
        builder.Property(c => c.StorageName).HasMaxLength(64);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(c => new { c.DatasetId, c.Ordinal }).IsUnique();
    }
}
