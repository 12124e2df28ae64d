using Studio.Core.Datasets;
using Studio.Data.Datasets;
using Studio.Data.Segments;

namespace Studio.Web.Components.Pages.Segments;

/// <summary>Which dataset versions segments can key into: those with a key column, customers first.</summary>
public static class CustomerDatasets
{
    public static IEnumerable<Dataset> Of(IEnumerable<Dataset> datasets) => datasets
        .Where(d => DatasetKeys.KeyColumnOf(d) is not null)
        .OrderBy(d => d.Role == DatasetRole.Customers ? 0 : 1).ThenBy(d => d.Name, StringComparer.CurrentCulture).ThenByDescending(d => d.Version);

    /// <summary>The latest customers version (the one with the most derived columns, e.g. RFM aggregates), else the first.</summary>
    public static Dataset? Default(IReadOnlyList<Dataset> candidates) =>
        candidates.Where(d => d.Role == DatasetRole.Customers).OrderByDescending(d => d.Version).FirstOrDefault() ?? candidates.FirstOrDefault();
}
