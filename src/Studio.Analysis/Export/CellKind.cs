namespace Studio.Analysis.Export;

/// <summary>
/// How an exported value is written. Formula escaping applies to text only: a numeric column's -5 is a number in
/// both CSV and XLSX (a number cannot carry a formula), while the text "-5" or "=cmd" is prefixed with an apostrophe.
/// </summary>
public enum CellKind
{
    Empty,
    Number,
    Boolean,
    Text,
}

/// <summary>Classifies values and applies the formula-injection escape shared by the CSV and XLSX writers.</summary>
public static class ExportCells
{
    public static CellKind KindOf(object? value) => value switch
    {
        null => CellKind.Empty,
        double d when double.IsNaN(d) => CellKind.Empty,
        float f when float.IsNaN(f) => CellKind.Empty,
        double or float or decimal or int or long or short or sbyte or byte or uint or ulong or ushort => CellKind.Number,
        bool => CellKind.Boolean,
        _ => CellKind.Text,
    };

    /// <summary>True when a spreadsheet could read the text as a formula (= + - @, or a leading tab/CR).</summary>
    public static bool LooksLikeFormula(string text) =>
        !string.IsNullOrEmpty(text) && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string EscapeFormula(string text) => LooksLikeFormula(text) ? "'" + text : text;
}
