using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Studio.Data.Workspaces;

internal sealed class WorkspaceConfiguration : IEntityTypeConfiguration<Workspace>
{
    public void Configure(EntityTypeBuilder<Workspace> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(200);
        builder.HasIndex(w => w.Name).IsUnique();
        builder.HasMany(w => w.Datasets).WithOne(d => d.Workspace).HasForeignKey(d => d.WorkspaceId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
