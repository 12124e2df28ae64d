namespace Studio.Core.Datasets;

/// <summary>The semantic type an analyst confirms for a column; drives storage and modelling.</summary>
public enum ColumnType
{
    Identifier,
    Categorical,
    Integer,
    Decimal,
    Boolean,
    DateTime,
    Text,
}
