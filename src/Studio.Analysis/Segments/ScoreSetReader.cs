using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Studio.Data;
using Studio.Data.Models;

namespace Studio.Analysis.Segments;

/// <summary>A model's scores of customers, for propensity rules and histograms.</summary>
public sealed record ScoreSetChoice(int ScoreSetId, string ModelName, int ModelVersion, int DatasetId, long RowCount, DateTimeOffset CreatedAt)
{
    public string Label => string.Create(CultureInfo.CurrentCulture, $"{ModelName} v{ModelVersion} · {RowCount:N0} scores · {CreatedAt:yyyy-MM-dd HH:mm}");
}

/// <summary>Reads score sets (CSV: key, score) and aligns them to a <see cref="CustomerTable"/>'s rows.</summary>
public sealed class ScoreSetReader(IDbContextFactory<StudioDbContext> contexts)
{
    /// <summary>Score sets of binary or regression models in the workspace (a score per key), newest first.</summary>
    public async Task<IReadOnlyList<ScoreSetChoice>> ListAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from s in context.ModelScoreSets.AsNoTracking()
                          join m in context.RegisteredModels.AsNoTracking() on s.ModelId equals m.Id
                          where m.WorkspaceId == workspaceId
                          select new { s, m.Name, m.Version }).ToListAsync(cancellationToken);
        return [.. rows.Where(r => File.Exists(r.s.FilePath) && HasSingleScore(r.s.FilePath))
            .Select(r => new ScoreSetChoice(r.s.Id, r.Name, r.Version, r.s.DatasetId, r.s.RowCount, r.s.CreatedAt))
            .OrderByDescending(c => c.CreatedAt)];
    }

    /// <summary>Scores per row of <paramref name="table"/> (NaN where the set has no score for the key).</summary>
    public async Task<double[]> ReadAlignedAsync(int scoreSetId, CustomerTable table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var set = await context.ModelScoreSets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scoreSetId, cancellationToken)
            ?? throw new ArgumentException($"Score set #{scoreSetId} does not exist.", nameof(scoreSetId));
        var scores = new double[table.RowCount];
        Array.Fill(scores, double.NaN);
        foreach (var (key, score) in await ReadAsync(set.FilePath, cancellationToken))
            if (table.RowOf(key) is >= 0 and var row) scores[row] = score;
        return scores;
    }

    /// <summary>Key → score pairs of a score CSV whose second column is a single number ("score" or "prediction").</summary>
    public static async Task<IReadOnlyList<(string Key, double Score)>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var result = new List<(string, double)>(Math.Max(0, lines.Length - 1));
        foreach (var line in lines.Skip(1))
        {
            var comma = line.LastIndexOf(',');
            if (comma <= 0) continue;
            var key = Unquote(line[..comma]);
            if (double.TryParse(line[(comma + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)) result.Add((key, score));
        }
        return result;
    }

    private static bool HasSingleScore(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? "";
        return header.EndsWith(",score", StringComparison.Ordinal) || header.EndsWith(",prediction", StringComparison.Ordinal);
    }

    private static string Unquote(string field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : field;
}
