using Microsoft.EntityFrameworkCore;
using Studio.Data.Storage;

namespace Studio.Data.Datasets;

/// <summary>
/// Saves a new dataset version atomically: the row table and the metadata are written in one SQLite
/// transaction, so a failure or a cancellation leaves the workspace exactly as it was.
/// </summary>
public sealed class DatasetRepository(IDbContextFactory<StudioDbContext> contextFactory, DatasetTableStore tables)
{
    public delegate void RowProducer(TableRowWriter writer, CancellationToken cancellationToken);

    public async Task<Dataset> SaveNewAsync(Dataset dataset, RowProducer writeRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(writeRows);
        await using var connection = tables.OpenConnection();
        await using var transaction = connection.BeginTransaction();
        DatasetTableStore.CreateTable(connection, transaction, dataset.TableName, dataset.Columns);
        using (var writer = DatasetTableStore.CreateWriter(connection, transaction, dataset.TableName, dataset.Columns))
        {
            writeRows(writer, cancellationToken);
            writer.Flush();
            dataset.RowCount = writer.RowsWritten;
        }
        cancellationToken.ThrowIfCancellationRequested();

        var options = new DbContextOptionsBuilder<StudioDbContext>().UseSqlite(connection).Options;
        await using (var context = new StudioDbContext(options))
        {
            await context.Database.UseTransactionAsync(transaction, cancellationToken);
            if (dataset.CreatedAt == default) dataset.CreatedAt = DateTimeOffset.UtcNow;
            context.Datasets.Add(dataset);
            await context.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return dataset;
    }

    public async Task<IReadOnlyList<Dataset>> ListAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Datasets.AsNoTracking()
            .Where(d => d.WorkspaceId == workspaceId)
            .OrderBy(d => d.Name).ThenBy(d => d.Version)
            .ToListAsync(cancellationToken);
    }

    public async Task<Dataset?> FindAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
    }
}
