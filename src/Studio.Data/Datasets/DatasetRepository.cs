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

    /// <exception cref="VersionConflictException">Another writer stored the same name and version meanwhile; nothing was stored.</exception>
    public Task<Dataset> SaveNewAsync(Dataset dataset, RowProducer writeRows, CancellationToken cancellationToken) =>
        SaveAsync(dataset, writeRows, nextVersion: false, cancellationToken);

    /// <summary>
    /// Saves the dataset as the next version of its name in its workspace. The number is read and written inside the
    /// same write transaction (SQLite's BEGIN IMMEDIATE holds the write lock from the start), so two analysts applying
    /// at the same moment get consecutive versions instead of a unique-index failure.
    /// </summary>
    /// <exception cref="VersionConflictException">The database stayed busy past its timeout; nothing was stored.</exception>
    public Task<Dataset> SaveNextVersionAsync(Dataset dataset, RowProducer writeRows, CancellationToken cancellationToken) =>
        SaveAsync(dataset, writeRows, nextVersion: true, cancellationToken);

    private async Task<Dataset> SaveAsync(Dataset dataset, RowProducer writeRows, bool nextVersion, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteAsync(dataset, writeRows, nextVersion, cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or Microsoft.Data.Sqlite.SqliteException && VersionConflictException.IsConflict(e))
        {
            throw new VersionConflictException(
                $"Another change to \"{dataset.Name}\" was written at the same moment; nothing was stored. Try again.", e);
        }
    }

    private async Task<Dataset> WriteAsync(Dataset dataset, RowProducer writeRows, bool nextVersion, CancellationToken cancellationToken)
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
            if (nextVersion)
            {
                dataset.Version = 1 + (await context.Datasets.Where(d => d.WorkspaceId == dataset.WorkspaceId && d.Name == dataset.Name)
                    .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0);
            }
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
