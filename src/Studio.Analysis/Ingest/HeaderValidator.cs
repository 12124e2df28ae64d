using System.Text.RegularExpressions;

namespace Studio.Analysis.Ingest;

/// <summary>Checks column names: none empty, none repeated, not too many; flags names holding markup.</summary>
public static partial class HeaderValidator
{
    public const int MaxNameLength = 500;

    /// <returns>Warnings about names that are accepted but worth a look.</returns>
    public static IReadOnlyList<string> Validate(IReadOnlyList<string> names, string fileName, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(options);
        if (names.Count > options.MaxColumns)
            throw new DataImportException(fileName,
                $"The file has {names.Count:N0} columns; a dataset holds at most {options.MaxColumns:N0} " +
                "(SQLite allows 2,000 columns per table and Studio uses one for the row id). Split the file or drop columns before uploading.", 1);

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (name.Length == 0)
                throw new DataImportException(fileName, $"Column {i + 1} has an empty name; every column needs a unique name.", 1, $"#{i + 1}");
            if (name.Length > MaxNameLength)
                throw new DataImportException(fileName, $"Column {i + 1}'s name is {name.Length} characters long; the limit is {MaxNameLength}.", 1, $"#{i + 1}");
            if (seen.TryGetValue(name, out var first))
                throw new DataImportException(fileName,
                    $"The column name appears more than once (columns {first + 1} and {i + 1}); names must be unique.", 1, name);
            seen[name] = i;
            if (Markup().IsMatch(name))
                warnings.Add($"Column {i + 1}'s name contains markup or script ({name}); it is stored as plain text and never interpreted.");
        }
        return warnings;
    }

    [GeneratedRegex(@"<\s*[a-zA-Z/!]|javascript:|\bon[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Markup();
}
