namespace Studio.Core.Datasets;

/// <summary>What a file is to the workspace; roles let Studio check keys and joins.</summary>
public enum DatasetRole
{
    Table,
    Customers,
    Products,
    Events,
    Offers,
    Experiments,
}
